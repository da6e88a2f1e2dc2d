/**
 * Application module (Spring Modulith). Open data per agency, computed from the dossiers on every call.
 */
package vn.egov.dossier.statistics;
