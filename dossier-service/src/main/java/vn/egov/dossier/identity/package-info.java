/**
 * Application module (Spring Modulith). The client of identity-service (profiles and business representation).
 */
package vn.egov.dossier.identity;
