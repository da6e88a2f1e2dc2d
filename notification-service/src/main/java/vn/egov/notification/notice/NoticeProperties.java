package vn.egov.notification.notice;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.sealing-key}. Binds the shared prefix, so it reads only this key of it.
 *
 * @param sealingKey encrypts the bodies of messages holding a one-time code (see {@code BodySealer})
 */
@ConfigurationProperties("egov.notification")
record NoticeProperties(
        @DefaultValue("dev-notification-sealing-key") String sealingKey) {}
