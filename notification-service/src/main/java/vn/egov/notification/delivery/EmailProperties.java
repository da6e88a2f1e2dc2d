package vn.egov.notification.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.mail-from}: the one email setting of notification-service itself (the SMTP server is
 * {@code spring.mail.*}). Binds the shared prefix, so it reads only this key of it.
 *
 * @param mailFrom the From of emails
 */
@ConfigurationProperties("egov.notification")
record EmailProperties(
        @DefaultValue("Cổng dịch vụ công <no-reply@egov.local>")
        String mailFrom) {}
