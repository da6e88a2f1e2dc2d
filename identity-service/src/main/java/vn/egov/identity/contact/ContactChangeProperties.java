package vn.egov.identity.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.identity.contact-change.*}: the one-time code of a contact change.
 *
 * @param codeValidity how long a code can be used after it was sent
 * @param maxAttempts wrong or right, the number of confirmations one code allows
 * @param maxRequestsPerHour requests per person per rolling hour, so that nobody is flooded with codes
 */
@ConfigurationProperties("egov.identity.contact-change")
public record ContactChangeProperties(
        @DefaultValue("10m") Duration codeValidity,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("5") int maxRequestsPerHour) {}
