/**
 * The citizen's account: registration (anonymous), the profile with its level of assurance, identity
 * verification to level 2 and contact changes confirmed by a one-time code. identity-service validates
 * everything; its field errors ({@code errors[]}, in the page's language) are shown next to the fields.
 */
package vn.egov.portal.account;
