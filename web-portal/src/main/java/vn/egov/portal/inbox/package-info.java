/**
 * The signed-in person's notification inbox (notification-service's {@code /api/v1/notifications}): the list,
 * marking an item read, and the unread count in the header of every page (rendered on the server; a small
 * same-origin script refreshes it while the page is open).
 */
package vn.egov.portal.inbox;
