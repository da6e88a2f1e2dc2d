package vn.egov.notification.notice;

import java.util.Set;
import vn.egov.notification.recipient.Channel;

/** Published inside the notice's transaction: PENDING deliveries on these channels wait to be sent. */
public record DeliveriesQueued(Set<Channel> channels) {}
