/**
 * The officers' desk ({@code /motcua/**}, staff roles only): the agency's queue with its filters and deadline
 * colours, the dossier page with its documents previewed inline and every action the user's role allows
 * ({@link DeskActions}, one entry per action), and the agency dashboard. Everything is read and done through the
 * public API with the user's token ({@link vn.egov.portal.api.UserApi}): the API decides who may see and do what.
 */
package vn.egov.portal.desk;
