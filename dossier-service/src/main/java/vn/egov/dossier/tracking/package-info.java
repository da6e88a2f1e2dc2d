/**
 * Application module (Spring Modulith). Reading dossiers: the full dossier with history and documents, own
 * dossiers and agency queues, and the public status lookup by code. The full view ({@link
 * vn.egov.dossier.tracking.DossierViewer}) is also what the desk's actions answer.
 */
package vn.egov.dossier.tracking;
