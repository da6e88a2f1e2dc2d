/**
 * The submission wizard ("Nộp hồ sơ trực tuyến", {@code /nop-ho-so/{procedure}/…}): the procedure's form fields,
 * then its documents (uploaded, or chosen from the citizen's own store), then a review, then one
 * {@code POST /api/v1/dossiers} with the wizard's own Idempotency-Key. What the user typed is a draft in the
 * session ({@link vn.egov.portal.submission.WizardDrafts}); uploaded files wait, sealed, in the portal's database
 * ({@link vn.egov.portal.submission.DraftFiles}), not in the session.
 */
package vn.egov.portal.submission;
