/**
 * Application module (Spring Modulith). The client of payment-service (payment orders), with its service token.
 */
package vn.egov.dossier.payment;
