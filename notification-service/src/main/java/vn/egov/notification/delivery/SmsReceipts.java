package vn.egov.notification.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.egov.commons.web.ApiProblem;

/** An SMS delivery receipt applied to its delivery, status moving only forward (see {@link SmsReceiptController}). */
@Service
class SmsReceipts {

    private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);

    private final JdbcClient jdbc;

    SmsReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code outcome}: DELIVERED, UNDELIVERABLE or FAILED. */
    @Transactional
    void apply(UUID deliveryId, String providerId, String outcome, Instant deliveredAt) {
        // the gateway's id must match the one it answered the send with, when we know it already
        String where =
                " where id = :id and channel = 'SMS' and (provider_id is null or cast(:providerId as text) is null or provider_id = cast(:providerId as text))";
        Long found = jdbc.sql("select count(*) from delivery" + where)
                .param("id", deliveryId)
                .param("providerId", providerId)
                .query(Long.class)
                .single();
        if (found == 0) {
            throw new ApiProblem(HttpStatus.NOT_FOUND, "delivery-not-found");
        }
        jdbc.sql("""
                        update delivery set status = 'SENT', sent_at = now(), provider_id = coalesce(provider_id, :providerId),
                            last_error = null,
                            text_body = case when sealed then null else text_body end,
                            html_body = case when sealed then null else html_body end""" + where + " and status = 'PENDING'")
                .param("id", deliveryId)
                .param("providerId", providerId)
                .update();
        Timestamp at = Timestamp.from(deliveredAt != null ? deliveredAt : Instant.now());
        int changed = outcome.equals("DELIVERED")
                ? jdbc.sql("update delivery set status = 'DELIVERED', delivered_at = :at" + where
                                + " and status = 'SENT'")
                        .param("id", deliveryId)
                        .param("providerId", providerId)
                        .param("at", at)
                        .update()
                : jdbc.sql(
                                "update delivery set status = 'FAILED', failed_at = :at, last_error = 'undeliverable (gateway receipt)'"
                                        + where + " and status = 'SENT'")
                        .param("id", deliveryId)
                        .param("providerId", providerId)
                        .param("at", at)
                        .update();
        if (changed == 1) {
            log.info("SMS delivery {} {} (gateway receipt)", deliveryId, outcome);
        }
    }
}
