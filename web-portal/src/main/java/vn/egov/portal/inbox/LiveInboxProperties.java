package vn.egov.portal.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The live unread count's relay ({@code /thong-bao/truc-tiep}).
 *
 * @param maxPerSession open streams one browser session may hold at once (its tabs); a new one replaces the oldest,
 *     whose tab polls instead. Below notification-service's cap per person (3), so a phone still gets one
 * @param heartbeat a comment to the browser this often: keeps proxies from closing an idle stream, and is how the
 *     portal notices a browser that went away (the write fails) and closes its upstream stream
 * @param maxDuration a stream ends after this long and the browser reconnects: a new request, so a refreshed token
 *     for the next upstream stream (notification-service ends its own after 30 min too)
 * @param openTimeout the upstream stream's headers must come within this long
 * @param retry the reconnect delay the browser is told ({@code retry:})
 */
@ConfigurationProperties("egov.portal.live")
record LiveInboxProperties(
        @DefaultValue("2") int maxPerSession,
        @DefaultValue("15s") Duration heartbeat,
        @DefaultValue("25m") Duration maxDuration,
        @DefaultValue("10s") Duration openTimeout,
        @DefaultValue("5s") Duration retry) {}
