/**
 * Application module (Spring Modulith). Document bytes and metadata: the storage (PostgreSQL or filesystem,
 * always behind the sealing decorator), a dossier's stored documents, and the citizen's own document store for
 * reuse.
 */
package vn.egov.dossier.document;
