/**
 * Contracts of {@code egov.dossier.events}, published by dossier-service. Additive changes only within
 * a version; consumers ignore unknown fields.
 */
package vn.egov.contracts.dossier;
