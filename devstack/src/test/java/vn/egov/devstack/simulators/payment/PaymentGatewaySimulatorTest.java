package vn.egov.devstack.simulators.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.egov.devstack.simulators.SimulatorJson;

/**
 * The payment gateway simulator on its own, against a little merchant in the test (both on free ports):
 * the pay page's three buttons, IPN retries until acknowledged, duplicates and out-of-order IPNs, the
 * transaction query, the settlement file, and refunds that a repeated request never makes twice. The
 * merchant's signatures are computed here, apart from the simulator's code.
 */
class PaymentGatewaySimulatorTest {

    static final String SECRET = PaymentGatewaySimulator.DEFAULT_HASH_SECRET;
    static final String TMN = PaymentGatewaySimulator.DEFAULT_TMN_CODE;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    final HttpClient browser =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final List<Map<String, String>> ipns = new CopyOnWriteArrayList<>();
    /** What the merchant answers to each IPN, in turn; then "00" for a new txnRef and "02" for a known one. */
    final List<String> scriptedAnswers = new CopyOnWriteArrayList<>();

    HttpServer merchant;
    PaymentGatewaySimulator gateway;

    @BeforeEach
    void start() throws IOException {
        merchant = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        merchant.createContext("/ipn", ex -> {
            Map<String, String> params = parse(ex.getRequestURI().getRawQuery());
            boolean known = ipns.stream()
                    .anyMatch(p ->
                            p.get("vnp_TxnRef").equals(params.get("vnp_TxnRef")) && "ok".equals(p.get("_answered")));
            ipns.add(params);
            String answer = scriptedAnswers.isEmpty() ? (known ? "02" : "00") : scriptedAnswers.remove(0);
            if (answer.equals("00")) {
                params.put("_answered", "ok");
            }
            if (answer.equals("500")) {
                ex.sendResponseHeaders(500, -1);
                ex.close();
                return;
            }
            byte[] body = ("{\"RspCode\":\"" + answer + "\",\"Message\":\"x\"}").getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        });
        merchant.start();
        gateway = PaymentGatewaySimulator.startOnFreePort(
                "http://127.0.0.1:" + merchant.getAddress().getPort() + "/ipn");
        gateway.ipnRetries(4, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        gateway.stop();
        merchant.stop(0);
    }

    @Test
    void thePayPageOffersApproveDeclineAndLetExpire() throws Exception {
        String txnRef = txnRef();
        HttpResponse<String> page = get(payUrl(txnRef, 150_000, 15));
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"pay\"", "id=\"decline\"", "id=\"expire\"", "150,000 VND");

        HttpResponse<String> tampered =
                get(payUrl(txnRef(), 150_000, 15).replace("vnp_Amount=15000000", "vnp_Amount=100"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(get(payUrl(txnRef(), 150_000, -1)).body()).contains("expired");
    }

    @Test
    void anIpnIsRetriedUntilTheMerchantAcknowledgesIt() throws Exception {
        String txnRef = txnRef();
        get(payUrl(txnRef, 50_000, 15));
        scriptedAnswers.addAll(List.of("500", "99"));

        HttpResponse<String> paid = click(txnRef, "pay");

        assertThat(paid.statusCode()).isEqualTo(302);
        assertThat(paid.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l)
                        .startsWith("http://127.0.0.1:8080/return?")
                        .contains("vnp_TxnRef=" + txnRef));
        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(txnRef))
                .extracting(
                        PaymentGatewaySimulator.IpnDelivery::httpStatus, PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(500, null),
                        org.assertj.core.groups.Tuple.tuple(200, "99"),
                        org.assertj.core.groups.Tuple.tuple(200, "00"));
        assertThat(ipns).hasSize(3).allSatisfy(ipn -> {
            assertThat(signatureOk(ipn)).isTrue();
            assertThat(ipn)
                    .containsEntry("vnp_ResponseCode", "00")
                    .containsEntry("vnp_TransactionStatus", "00")
                    .containsEntry("vnp_Amount", "5000000");
        });
        // an unacknowledged IPN is given up after the configured attempts
        String unheard = txnRef();
        get(payUrl(unheard, 10_000, 15));
        scriptedAnswers.addAll(List.of("99", "99", "99", "99"));
        assertThat(gateway.decline(unheard).acknowledged()).isFalse();
        assertThat(gateway.deliveries())
                .filteredOn(d -> d.txnRef().equals(unheard))
                .hasSize(4);
    }

    @Test
    void duplicateAndOutOfOrderIpnsOnRequest() throws Exception {
        gateway.duplicateIpns(9);
        String twice = txnRef();
        get(payUrl(twice, 20_000, 15));
        assertThat(gateway.pay(twice).deliveries())
                .extracting(PaymentGatewaySimulator.IpnDelivery::rspCode)
                .containsExactly("00", "02", "02", "02", "02", "02", "02", "02", "02", "02");

        gateway.duplicateIpns(0);
        gateway.outOfOrderIpns(true);
        String first = txnRef();
        String second = txnRef();
        get(payUrl(first, 30_000, 15));
        get(payUrl(second, 40_000, 15));
        int before = ipns.size();
        assertThat(click(first, "pay").statusCode()).isEqualTo(302);
        assertThat(click(second, "decline").statusCode()).isEqualTo(302);
        assertThat(ipns).hasSize(before); // the browser is back at the merchant before any IPN

        List<PaymentGatewaySimulator.IpnDelivery> released = gateway.releaseHeldIpns();

        assertThat(released)
                .extracting(PaymentGatewaySimulator.IpnDelivery::txnRef)
                .containsExactly(second, first);
        assertThat(ipns.subList(before, ipns.size()))
                .extracting(p -> p.get("vnp_TxnRef"))
                .containsExactly(second, first);
        assertThat(gateway.releaseHeldIpns()).isEmpty();
    }

    @Test
    void aCustomerWhoLeavesThePageLetsTheTransactionExpireUnpaid() throws Exception {
        String txnRef = txnRef();
        get(payUrl(txnRef, 70_000, 15));

        HttpResponse<String> left = click(txnRef, "expire");

        assertThat(left.statusCode()).isEqualTo(200);
        assertThat(left.headers().firstValue("Location")).isEmpty();
        assertThat(ipns).isEmpty();
        assertThat(gateway.deliveries()).isEmpty();
        assertThat(get(statusUrl(txnRef)).body()).contains("\"state\":\"ABANDONED\"");
        Map<String, String> query = merchantApi(queryRequest(txnRef));
        assertThat(query)
                .containsEntry("vnp_ResponseCode", "00")
                .containsEntry("vnp_TransactionStatus", "01")
                .containsEntry("vnp_TransactionNo", "");
        assertThat(pipeSigned(query, PaymentGatewaySimulator.QUERY_RESPONSE_FIELDS))
                .isTrue();
        assertThat(get(settlementUrl()).body()).doesNotContain(txnRef);
        // nothing to click any more…
        assertThat(click(txnRef, "pay").statusCode()).isEqualTo(409);
        // … unless the customer comes back to the page before its window closes
        assertThat(get(payUrl(txnRef, 70_000, 15)).statusCode()).isEqualTo(200);
        assertThat(get(statusUrl(txnRef)).body()).contains("\"state\":\"AWAITING\"");
    }

    @Test
    void theQueryAndTheSettlementFileTellWhatWasPaid() throws Exception {
        String paid = txnRef();
        String declined = txnRef();
        get(payUrl(paid, 120_000, 15));
        get(payUrl(declined, 80_000, 15));
        click(paid, "pay");
        click(declined, "decline");

        Map<String, String> query = merchantApi(queryRequest(paid));
        assertThat(pipeSigned(query, PaymentGatewaySimulator.QUERY_RESPONSE_FIELDS))
                .isTrue();
        assertThat(query).containsEntry("vnp_TransactionStatus", "00").containsEntry("vnp_Amount", "12000000");
        assertThat(merchantApi(queryRequest(declined))).containsEntry("vnp_TransactionStatus", "02");
        assertThat(merchantApi(queryRequest("unknown" + txnRef()))).containsEntry("vnp_ResponseCode", "91");
        Map<String, String> forged = queryRequest(paid);
        forged.put("vnp_SecureHash", "00");
        assertThat(merchantApi(forged)).containsEntry("vnp_ResponseCode", "97");

        String csv = get(settlementUrl()).body();
        assertThat(csv)
                .startsWith("tmn_code,txn_ref,transaction_no,amount_vnd,pay_date,bank_code\n")
                .contains(TMN + "," + paid + "," + query.get("vnp_TransactionNo") + ",120000,")
                .doesNotContain(declined);
    }

    @Test
    void aRepeatedRefundRequestIsAnsweredAgainButNeverRefundedTwice() throws Exception {
        String txnRef = txnRef();
        get(payUrl(txnRef, 100_000, 15));
        click(txnRef, "pay");
        String requestId = UUID.randomUUID().toString().replace("-", "");

        Map<String, String> first = merchantApi(refundRequest(txnRef, requestId, 40_000));
        assertThat(first).containsEntry("vnp_ResponseCode", "00");
        assertThat(pipeSigned(first, PaymentGatewaySimulator.REFUND_RESPONSE_FIELDS))
                .isTrue();
        Map<String, String> again = merchantApi(refundRequest(txnRef, requestId, 40_000));
        assertThat(again)
                .containsEntry("vnp_ResponseCode", "00")
                .containsEntry("vnp_TransactionNo", first.get("vnp_TransactionNo"));
        assertThat(gateway.refundedVnd(txnRef)).isEqualTo(40_000);
        // the same request id for another amount is a duplicate request, not a refund
        assertThat(merchantApi(refundRequest(txnRef, requestId, 10_000))).containsEntry("vnp_ResponseCode", "94");

        // the gateway is down: nothing happens
        gateway.refundsUnavailable(true);
        String down = UUID.randomUUID().toString().replace("-", "");
        assertThat(post(refundRequest(txnRef, down, 10_000)).statusCode()).isEqualTo(503);
        assertThat(gateway.refundedVnd(txnRef)).isEqualTo(40_000);
        gateway.refundsUnavailable(false);

        // the refund is made but its answer lost; asking again with the same request finds it made
        gateway.loseRefundAnswers(1);
        String lost = UUID.randomUUID().toString().replace("-", "");
        assertThat(post(refundRequest(txnRef, lost, 50_000)).statusCode()).isEqualTo(504);
        assertThat(gateway.refundedVnd(txnRef)).isEqualTo(90_000);
        assertThat(merchantApi(refundRequest(txnRef, lost, 50_000))).containsEntry("vnp_ResponseCode", "00");
        assertThat(gateway.refundedVnd(txnRef)).isEqualTo(90_000);

        // never more than what was paid
        assertThat(merchantApi(
                        refundRequest(txnRef, UUID.randomUUID().toString().replace("-", ""), 10_001)))
                .containsEntry("vnp_ResponseCode", "03");
        assertThat(get(statusUrl(txnRef)).body()).contains("\"refundedVnd\":\"90000\"");
    }

    // ---- the merchant's side, written apart from the simulator ----

    String payUrl(String txnRef, long amountVnd, int expiresInMinutes) {
        LocalDateTime now = LocalDateTime.now(VIETNAM);
        Map<String, String> p = new TreeMap<>();
        p.put("vnp_Version", "2.1.0");
        p.put("vnp_Command", "pay");
        p.put("vnp_TmnCode", TMN);
        p.put("vnp_Amount", Long.toString(amountVnd * 100));
        p.put("vnp_CurrCode", "VND");
        p.put("vnp_TxnRef", txnRef);
        p.put("vnp_OrderInfo", "Le phi ho so " + txnRef);
        p.put("vnp_OrderType", "other");
        p.put("vnp_Locale", "vn");
        p.put("vnp_ReturnUrl", "http://127.0.0.1:8080/return");
        p.put("vnp_IpAddr", "127.0.0.1");
        p.put("vnp_CreateDate", now.format(TIME));
        p.put("vnp_ExpireDate", now.plusMinutes(expiresInMinutes).format(TIME));
        StringJoiner query = new StringJoiner("&");
        p.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.US_ASCII) + "="
                + URLEncoder.encode(v, StandardCharsets.US_ASCII)));
        return gateway.payUrl() + "?" + query + "&vnp_SecureHash=" + hmac(query.toString());
    }

    boolean signatureOk(Map<String, String> ipn) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(ipn).forEach((k, v) -> {
            if (k.startsWith("vnp_") && !k.startsWith("vnp_SecureHash") && !v.isEmpty()) {
                query.add(URLEncoder.encode(k, StandardCharsets.US_ASCII) + "="
                        + URLEncoder.encode(v, StandardCharsets.US_ASCII));
            }
        });
        return hmac(query.toString()).equals(ipn.get("vnp_SecureHash"));
    }

    Map<String, String> queryRequest(String txnRef) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("vnp_RequestId", UUID.randomUUID().toString().replace("-", ""));
        r.put("vnp_Version", "2.1.0");
        r.put("vnp_Command", "querydr");
        r.put("vnp_TmnCode", TMN);
        r.put("vnp_TxnRef", txnRef);
        r.put("vnp_TransactionDate", LocalDateTime.now(VIETNAM).format(TIME));
        r.put("vnp_CreateDate", LocalDateTime.now(VIETNAM).format(TIME));
        r.put("vnp_IpAddr", "127.0.0.1");
        r.put("vnp_OrderInfo", "Tra cuu");
        r.put("vnp_SecureHash", hmac(String.join("|", r.values())));
        return r;
    }

    Map<String, String> refundRequest(String txnRef, String requestId, long amountVnd) {
        Map<String, String> r = new LinkedHashMap<>();
        r.put("vnp_RequestId", requestId);
        r.put("vnp_Version", "2.1.0");
        r.put("vnp_Command", "refund");
        r.put("vnp_TmnCode", TMN);
        r.put("vnp_TransactionType", "03");
        r.put("vnp_TxnRef", txnRef);
        r.put("vnp_Amount", Long.toString(amountVnd * 100));
        r.put("vnp_TransactionNo", "");
        r.put("vnp_TransactionDate", LocalDateTime.now(VIETNAM).format(TIME));
        r.put("vnp_CreateBy", "officer");
        r.put("vnp_CreateDate", LocalDateTime.now(VIETNAM).format(TIME));
        r.put("vnp_IpAddr", "127.0.0.1");
        r.put("vnp_OrderInfo", "Hoan phi");
        r.put("vnp_SecureHash", hmac(String.join("|", r.values())));
        return r;
    }

    boolean pipeSigned(Map<String, String> answer, List<String> fields) {
        List<String> values = new ArrayList<>();
        fields.forEach(f -> values.add(answer.getOrDefault(f, "")));
        return hmac(String.join("|", values)).equalsIgnoreCase(answer.get("vnp_SecureHash"));
    }

    Map<String, String> merchantApi(Map<String, String> request) throws Exception {
        HttpResponse<String> response = post(request);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return SimulatorJson.parse(response.body());
    }

    HttpResponse<String> post(Map<String, String> request) throws Exception {
        StringJoiner body = new StringJoiner(",", "{", "}");
        request.forEach((k, v) -> body.add(SimulatorJson.quote(k) + ":" + SimulatorJson.quote(v)));
        return browser.send(
                HttpRequest.newBuilder(URI.create(gateway.apiUrl()))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> click(String txnRef, String action) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port() + "/paymentv2/pay"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("txnRef=" + txnRef + "&action=" + action))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String url) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String statusUrl(String txnRef) {
        return "http://127.0.0.1:" + gateway.port() + "/paymentv2/status?vnp_TxnRef=" + txnRef;
    }

    String settlementUrl() {
        return "http://127.0.0.1:" + gateway.port() + "/paymentv2/settlement";
    }

    static String txnRef() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
