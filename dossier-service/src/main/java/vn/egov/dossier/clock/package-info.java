/**
 * Application module (Spring Modulith). The service's clock, movable in tests and local runs only.
 */
package vn.egov.dossier.clock;
