/**
 * A signed-in citizen's dossiers: "Hồ sơ của tôi" (the list) and the dossier page (its timeline, documents and
 * results to download, withdraw, rating), all read and changed through the public API with the user's token
 * ({@link vn.egov.portal.api.UserApi}).
 */
package vn.egov.portal.dossier;
