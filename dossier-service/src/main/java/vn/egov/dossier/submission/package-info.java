/**
 * Application module (Spring Modulith). Submitting a dossier: checks, prefill from the sign-in token, the next
 * dossier code, the stored dossier with its documents and first event in one transaction, then the fee's payment
 * order.
 */
package vn.egov.dossier.submission;
