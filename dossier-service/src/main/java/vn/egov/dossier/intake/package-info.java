/**
 * Application module (Spring Modulith). Checks of what an applicant sends: form fields against the procedure,
 * document references, uploaded files (type sniffing, sizes, names) and field errors in the caller's language.
 */
package vn.egov.dossier.intake;
