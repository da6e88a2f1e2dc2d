package vn.egov.notification.notice;

import vn.egov.notification.recipient.Channel;

import java.util.Set;

/** Published inside the notice's transaction: PENDING deliveries on these channels wait to be sent. */
public record DeliveriesQueued(Set<Channel> channels) {
}
