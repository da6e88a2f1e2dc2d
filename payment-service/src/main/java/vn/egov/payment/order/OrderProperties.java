package vn.egov.payment.order;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.payment.orders.*}.
 *
 * @param creators OAuth2 clients ({@code azp}) allowed to create orders: the amount must come from the
 *     procedure through dossier-service, never from a browser
 * @param expiryGrace how long after its payment window a PENDING order is left alone before it is
 *     expired (the gateway may still confirm a payment begun just before the window closed)
 * @param sweepInterval pause between two passes of the pending-order sweeper
 * @param queryAfter how long a PENDING order waits for its IPN before the sweeper asks the gateway: one minute, so a
 *     payment whose IPN was lost (payment-service down while the gateway retried) is settled, receipt and all,
 *     within about two minutes; until its window closes the order is then asked once per sweep
 */
@ConfigurationProperties("egov.payment.orders")
public record OrderProperties(
        @DefaultValue("dossier-service") List<String> creators,
        @DefaultValue("5m") Duration expiryGrace,
        @DefaultValue("1m") Duration sweepInterval,
        @DefaultValue("1m") Duration queryAfter) {}
