package vn.egov.payment.vnpay;

import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.time.VietnamTime;
import vn.egov.payment.order.GatewayPaymentStatus;
import vn.egov.payment.order.PaymentGatewayAdapter.GatewayUnavailableException;
import vn.egov.payment.order.PaymentOrder;

/**
 * The VNPay 2.1.0 merchant API: transaction query ({@code vnp_Command=querydr}) and refund
 * ({@code vnp_Command=refund}), each a signed JSON POST whose answer is signed too and checked before
 * it is believed. The signatures are HMAC-SHA512 over the command's fields joined with {@code |}, in
 * the protocol's order (not sorted). Over {@link RestClient}, payment-service's one outbound HTTP style.
 */
@Component
class VnpayMerchantApi {

    static final List<String> REQUEST_FIELDS = List.of(
            "vnp_RequestId",
            "vnp_Version",
            "vnp_Command",
            "vnp_TmnCode",
            "vnp_TxnRef",
            "vnp_TransactionDate",
            "vnp_CreateDate",
            "vnp_IpAddr",
            "vnp_OrderInfo");
    static final List<String> RESPONSE_FIELDS = List.of(
            "vnp_ResponseId",
            "vnp_Command",
            "vnp_ResponseCode",
            "vnp_Message",
            "vnp_TmnCode",
            "vnp_TxnRef",
            "vnp_Amount",
            "vnp_BankCode",
            "vnp_PayDate",
            "vnp_TransactionNo",
            "vnp_TransactionType",
            "vnp_TransactionStatus",
            "vnp_OrderInfo",
            "vnp_PromotionCode",
            "vnp_PromotionAmount");
    static final List<String> REFUND_REQUEST_FIELDS = List.of(
            "vnp_RequestId",
            "vnp_Version",
            "vnp_Command",
            "vnp_TmnCode",
            "vnp_TransactionType",
            "vnp_TxnRef",
            "vnp_Amount",
            "vnp_TransactionNo",
            "vnp_TransactionDate",
            "vnp_CreateBy",
            "vnp_CreateDate",
            "vnp_IpAddr",
            "vnp_OrderInfo");
    static final List<String> REFUND_RESPONSE_FIELDS = List.of(
            "vnp_ResponseId",
            "vnp_Command",
            "vnp_ResponseCode",
            "vnp_Message",
            "vnp_TmnCode",
            "vnp_TxnRef",
            "vnp_Amount",
            "vnp_BankCode",
            "vnp_PayDate",
            "vnp_TransactionNo",
            "vnp_TransactionType",
            "vnp_TransactionStatus",
            "vnp_OrderInfo");

    private final VnpayProperties properties;
    private final VnpaySignature signature;
    private final JsonMapper json;
    private final Clock clock;
    private final RestClient http;

    VnpayMerchantApi(VnpayProperties properties, JsonMapper json, Clock clock) {
        this(properties, json, clock, ObservationRegistry.NOOP);
    }

    /** Observed (a client span and {@code http.client.requests} timings; decision 32). */
    @Autowired
    VnpayMerchantApi(VnpayProperties properties, JsonMapper json, Clock clock, ObservationRegistry observations) {
        this.properties = properties;
        this.signature = new VnpaySignature(properties.hashSecret());
        this.json = json;
        this.clock = clock;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(Duration.ofSeconds(5));
        requests.setReadTimeout(Duration.ofSeconds(10));
        this.http = RestClient.builder()
                .requestFactory(requests)
                .observationRegistry(observations)
                .build();
    }

    GatewayPaymentStatus query(PaymentOrder order) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("vnp_RequestId", UUID.randomUUID().toString().replace("-", ""));
        request.put("vnp_Version", "2.1.0");
        request.put("vnp_Command", "querydr");
        request.put("vnp_TmnCode", properties.tmnCode());
        request.put("vnp_TxnRef", order.txnRef());
        request.put("vnp_TransactionDate", VnpayGatewayAdapter.VNPAY_TIME.format(order.createdAt()));
        request.put("vnp_CreateDate", VnpayGatewayAdapter.VNPAY_TIME.format(clock.instant()));
        request.put("vnp_IpAddr", properties.merchantIp());
        request.put("vnp_OrderInfo", "Tra cuu giao dich " + order.txnRef());
        request.put(VnpaySignature.SECURE_HASH, signature.hmacSha512Hex(pipeJoined(request, REQUEST_FIELDS)));
        return interpret(call(request), order);
    }

    /**
     * Asks the gateway to pay back {@code amountVnd} of {@code order} ("02" full, "03" partial refund).
     *
     * @return the gateway's response code: "00" when the refund was made
     * @throws GatewayUnavailableException when the gateway cannot be asked or its answer not trusted
     */
    String refund(PaymentOrder order, UUID refundId, long amountVnd, boolean full, String requestedBy) {
        Map<String, String> request = new LinkedHashMap<>();
        request.put("vnp_RequestId", refundId.toString().replace("-", ""));
        request.put("vnp_Version", "2.1.0");
        request.put("vnp_Command", "refund");
        request.put("vnp_TmnCode", properties.tmnCode());
        request.put("vnp_TransactionType", full ? "02" : "03");
        request.put("vnp_TxnRef", order.txnRef());
        request.put("vnp_Amount", Long.toString(Math.multiplyExact(amountVnd, 100L)));
        request.put("vnp_TransactionNo", order.gatewayTransactionNo() == null ? "" : order.gatewayTransactionNo());
        request.put("vnp_TransactionDate", VnpayGatewayAdapter.VNPAY_TIME.format(order.createdAt()));
        request.put("vnp_CreateBy", requestedBy);
        request.put("vnp_CreateDate", VnpayGatewayAdapter.VNPAY_TIME.format(clock.instant()));
        request.put("vnp_IpAddr", properties.merchantIp());
        request.put("vnp_OrderInfo", "Hoan phi " + order.txnRef());
        request.put(VnpaySignature.SECURE_HASH, signature.hmacSha512Hex(pipeJoined(request, REFUND_REQUEST_FIELDS)));
        Map<String, String> answer = call(request);
        String given = answer.getOrDefault(VnpaySignature.SECURE_HASH, "");
        if (!given.equalsIgnoreCase(signature.hmacSha512Hex(pipeJoined(answer, REFUND_RESPONSE_FIELDS)))) {
            throw new GatewayUnavailableException("refund answer has an invalid signature", null);
        }
        return answer.getOrDefault("vnp_ResponseCode", "");
    }

    private Map<String, String> call(Map<String, String> request) {
        JsonNode answer;
        try {
            String body = http.post()
                    .uri(URI.create(properties.apiUrl()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(request))
                    .retrieve()
                    .onStatus(status -> status.value() != 200, (sent, response) -> {
                        throw new GatewayUnavailableException(
                                "merchant API answered HTTP "
                                        + response.getStatusCode().value(),
                                null);
                    })
                    .body(String.class);
            if (body == null) {
                throw new GatewayUnavailableException("merchant API answered nothing", null);
            }
            answer = json.readTree(body);
        } catch (RestClientException | JacksonException e) {
            throw new GatewayUnavailableException("transaction query failed: " + e, e);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        answer.properties()
                .forEach(e -> fields.put(
                        e.getKey(), e.getValue().isNull() ? "" : e.getValue().asString()));
        return fields;
    }

    GatewayPaymentStatus interpret(Map<String, String> answer, PaymentOrder order) {
        String given = answer.getOrDefault(VnpaySignature.SECURE_HASH, "");
        if (!given.equalsIgnoreCase(signature.hmacSha512Hex(pipeJoined(answer, RESPONSE_FIELDS)))) {
            throw new GatewayUnavailableException("transaction query answer has an invalid signature", null);
        }
        if (!order.txnRef().equals(answer.get("vnp_TxnRef")) && !"91".equals(answer.get("vnp_ResponseCode"))) {
            throw new GatewayUnavailableException("transaction query answered about another transaction", null);
        }
        return switch (answer.getOrDefault("vnp_ResponseCode", "")) {
            case "91" -> GatewayPaymentStatus.notPaid(); // the gateway never saw this transaction
            case "00" ->
                switch (answer.getOrDefault("vnp_TransactionStatus", "")) {
                    case "00" ->
                        new GatewayPaymentStatus(
                                GatewayPaymentStatus.Outcome.PAID,
                                Long.parseLong(answer.get("vnp_Amount")) / 100,
                                answer.get("vnp_TransactionNo"),
                                answer.get("vnp_BankCode"),
                                LocalDateTime.parse(answer.get("vnp_PayDate"), VnpayGatewayAdapter.VNPAY_TIME)
                                        .atZone(VietnamTime.ZONE)
                                        .toInstant(),
                                "00");
                    case "01" -> GatewayPaymentStatus.notPaid(); // still open at the gateway
                    default ->
                        new GatewayPaymentStatus(
                                GatewayPaymentStatus.Outcome.DECLINED,
                                0,
                                null,
                                null,
                                null,
                                answer.get("vnp_TransactionStatus"));
                };
            default ->
                throw new GatewayUnavailableException(
                        "transaction query refused: " + answer.get("vnp_ResponseCode"), null);
        };
    }

    static String pipeJoined(Map<String, String> values, List<String> fields) {
        return String.join(
                "|", fields.stream().map(f -> values.getOrDefault(f, "")).toList());
    }
}
