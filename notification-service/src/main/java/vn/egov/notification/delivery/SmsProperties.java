package vn.egov.notification.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.sms.*}: the HTTP SMS gateway adapter: {@code POST <gatewayUrl>/api/sms} with an API
 * key; its delivery receipts come back to {@code POST /api/v1/notifications/sms/receipts} with
 * {@code X-Api-Key: <receiptKey>}.
 */
@ConfigurationProperties("egov.notification.sms")
record SmsProperties(
        @DefaultValue("http://127.0.0.1:8091") String gatewayUrl,
        @DefaultValue("dev-sms-key") String apiKey,
        @DefaultValue("dev-sms-receipt-key") String receiptKey,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {}
