/**
 * The administrators' pages of the desk: an agency administrator (AGENCY_ADMIN) manages the officers and approvers
 * of their own agency ({@code /motcua/can-bo}, identity-service's officer API), a system administrator
 * (SYSTEM_ADMIN) declares the days off and make-up working days the government announces
 * ({@code /motcua/lich-lam-viec}, dossier-service's calendar API). The pages check what they can and say it next to
 * the field; the API decides, with the user's token, and its field errors go next to the fields too.
 */
package vn.egov.portal.administration;
