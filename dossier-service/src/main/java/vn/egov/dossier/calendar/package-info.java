/**
 * Application module (Spring Modulith). The working-day calendar (days off, make-up days) that deadlines count
 * in, and its administration.
 */
package vn.egov.dossier.calendar;
