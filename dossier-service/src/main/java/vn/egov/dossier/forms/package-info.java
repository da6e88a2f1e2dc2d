/**
 * Application module (Spring Modulith). The official forms of Thông tư 03/2025/TT-VPCP as PDF files drawn by the
 * server from the dossier's records: Mẫu 01–06 of one dossier ({@code GET /api/v1/dossiers/{code}/forms/{form}},
 * the list of those that apply at {@code …/forms}) and Mẫu 07, an agency's register for a period
 * ({@code GET /api/v1/agencies/{agency}/register}). Nothing is stored: the same records give the same bytes.
 * Reads the dossier through the public types of {@code dossier}, {@code tracking} (lookup secret),
 * {@code dataprotection} (form data) and {@code procedure} (document names), and the history with its own SQL.
 */
package vn.egov.dossier.forms;
