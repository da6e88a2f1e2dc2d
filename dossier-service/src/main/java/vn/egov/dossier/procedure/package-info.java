/**
 * Application module (Spring Modulith). The public procedure catalogue: procedures with their required
 * documents, form fields and fee rule; accent-insensitive search.
 */
package vn.egov.dossier.procedure;
