/**
 * The portal's only way to the platform: the public API through the gateway ({@code egov.portal.api.base-url}),
 * like the mobile app. A problem answer or an unreachable API becomes an {@link vn.egov.portal.api.ApiProblemException}
 * carrying the problem's stable {@code code}; {@link vn.egov.portal.api.ProblemMessages} turns that code into a
 * sentence in the user's language, in one place.
 */
package vn.egov.portal.api;
