/**
 * Sign-in and sign-out as a backend-for-frontend: OpenID Connect authorization code with PKCE against Keycloak
 * (the realm's confidential {@code web-portal} client), the tokens in the server-side session (Spring Session
 * JDBC, the {@code portal} database), the browser holding only the HttpOnly session cookie. Which pages need a
 * signed-in user, the header's name, signing in again when the tokens are refused.
 */
package vn.egov.portal.signin;
