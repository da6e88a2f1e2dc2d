package vn.egov.identity.business;

import java.time.Instant;

/**
 * A business the person may act for, as {@code GET /me} and {@code GET /businesses} show it. The field
 * names are a contract: dossier-service reads {@code businesses[].taxCode} from {@code /me}.
 */
public record LinkedBusiness(String taxCode, String name, Instant linkedAt) {}
