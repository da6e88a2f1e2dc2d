/**
 * Application module (Spring Modulith). Reading dossiers: the full dossier with history and documents, own
 * dossiers and agency queues, and the public status lookup by code. Also the HTTP entry of submission and desk
 * actions (they answer with the dossier view).
 */
package vn.egov.dossier.tracking;
