/**
 * Application module (Spring Modulith). The time zone of dossier dates (Vietnam).
 */
package vn.egov.dossier.time;
