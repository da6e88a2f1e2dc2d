package vn.egov.gateway.forwarding;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.gateway.forwarding.*}.
 *
 * @param trustedProxies address ranges (CIDR, e.g. {@code 10.0.0.0/8}, {@code 2001:db8::/32}, or one address)
 *     of the load balancers in front of the gateway. Only a request arriving from one of them has its
 *     {@code X-Forwarded-For} read for the client's address; none by default. In the {@code local} profile
 *     loopback is trusted as well (a local reverse proxy, and tests that stand for one).
 */
@ConfigurationProperties("egov.gateway.forwarding")
record ForwardingProperties(@DefaultValue List<String> trustedProxies) {}
