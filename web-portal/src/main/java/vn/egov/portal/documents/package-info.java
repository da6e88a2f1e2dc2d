/**
 * The citizen's personal document store ("Giấy tờ của tôi", {@code /giay-to}): what they gave agencies and what
 * agencies issued to them, listed and downloaded through the public API with the user's token. The wizard offers
 * these documents for reuse ({@link vn.egov.portal.documents.PersonalDocuments}).
 */
package vn.egov.portal.documents;
