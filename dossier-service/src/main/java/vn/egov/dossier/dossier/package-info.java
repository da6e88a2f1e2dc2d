/**
 * Application module (Spring Modulith). The dossier aggregate: its stored row ({@link
 * vn.egov.dossier.dossier.DossierRow}, read by {@link vn.egov.dossier.dossier.DossierStore}), its statuses and
 * actions and the transition table ({@link vn.egov.dossier.dossier.DossierTransitions}, facts that keep the status
 * included), who may see it ({@link
 * vn.egov.dossier.dossier.DossierAccess}) and the lifecycle ({@link vn.egov.dossier.dossier.DossierLifecycle}),
 * the one place that changes a status, writes the history and publishes the status event to the outbox.
 */
package vn.egov.dossier.dossier;
