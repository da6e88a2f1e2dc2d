/**
 * Application module (Spring Modulith). The daily check that marks dossiers past their due date and publishes
 * the overdue event once.
 */
package vn.egov.dossier.overdue;
