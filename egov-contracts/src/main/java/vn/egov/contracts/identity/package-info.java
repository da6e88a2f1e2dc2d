/**
 * Event contracts published by identity-service on {@code egov.identity.events}. Records only, no
 * behaviour; a field is never renamed or removed within a version (additive changes only). Personal
 * identity numbers never appear in these events.
 */
package vn.egov.contracts.identity;
