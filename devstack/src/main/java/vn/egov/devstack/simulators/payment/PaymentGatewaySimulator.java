package vn.egov.devstack.simulators.payment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.egov.devstack.simulators.SimulatorBinding;

/**
 * A payment gateway speaking the VNPay 2.1.0 protocol, for local runs and integration tests (plain JDK
 * HTTP server, bound to 127.0.0.1, port 8090 by default).
 *
 * <ul>
 *   <li>{@code GET /paymentv2/vpcpay.html?vnp_…&vnp_SecureHash=…}: checks the merchant's signature,
 *       terminal code and expiry, and shows a small pay page with three buttons: "Thanh toán" (approve),
 *       "Hủy giao dịch" (decline) and "Rời trang" (let expire: the customer leaves);</li>
 *   <li>{@code POST /paymentv2/pay} (the page's form: {@code txnRef}, {@code action=pay|decline|expire}):
 *       for pay and decline, calls the merchant's IPN URL server-to-server with signed result parameters,
 *       retrying until it answers RspCode 00 or 02, then redirects the browser to the merchant's
 *       {@code vnp_ReturnUrl}; for expire, sends nothing (the transaction stays unpaid, its query says
 *       {@code vnp_TransactionStatus=01}, and the merchant must expire the order itself). Refused once the
 *       request's {@code vnp_ExpireDate} has passed;</li>
 *   <li>{@code POST /merchant_webapi/api/transaction}: the signed transaction query ({@code querydr}) and
 *       refund ({@code refund}, full "02" or partial "03", never more than what remains; idempotent on
 *       {@code vnp_RequestId}: the same request again is answered as the first time and refunds nothing
 *       more);</li>
 *   <li>{@code GET /paymentv2/settlement?date=yyyyMMdd}: the day's settlement file (CSV) of paid transactions;</li>
 *   <li>{@code GET /paymentv2/status?vnp_TxnRef=…}: what the simulator knows of a transaction (JSON).</li>
 * </ul>
 *
 * <p>Its own signing code is deliberately separate from payment-service's: the two must agree on the
 * wire, which is what a real gateway checks.
 */
public final class PaymentGatewaySimulator implements AutoCloseable {

    public static final int DEFAULT_PORT = 8090;
    /** The development merchant account, the same as payment-service's local defaults. */
    public static final String DEFAULT_TMN_CODE = "EGOVDEV1";

    public static final String DEFAULT_HASH_SECRET = "egov-dev-vnpay-hash-secret-0123456789";
    public static final String DEFAULT_IPN_URL = "http://127.0.0.1:8080/api/v1/payments/vnpay/ipn";

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final DateTimeFormatter VNPAY_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final Pattern RSP_CODE = Pattern.compile("\"RspCode\"\\s*:\\s*\"([0-9]+)\"");
    private static final Logger log = LoggerFactory.getLogger(PaymentGatewaySimulator.class);

    /** One attempt to deliver an IPN, as the merchant answered it ({@code rspCode} null when unreadable). */
    public record IpnDelivery(String txnRef, int attempt, int httpStatus, String rspCode) {}

    /** The result of paying or declining: the IPN attempts and where the browser is sent. */
    public record Outcome(
            String txnRef, String responseCode, boolean acknowledged, List<IpnDelivery> deliveries, String returnUrl) {}

    /** AWAITING: on the pay page; ABANDONED: the customer left it (let expire), never paid. */
    private enum State {
        AWAITING,
        PAID,
        DECLINED,
        ABANDONED
    }

    private static final class Transaction {
        final Map<String, String> request;
        volatile State state = State.AWAITING;
        volatile String transactionNo;
        volatile String payDate;
        long refundedX100;
        /** Refunds by the merchant's vnp_RequestId: a repeated request is answered the same way. */
        final Map<String, Map<String, String>> refunds = new LinkedHashMap<>();

        Transaction(Map<String, String> request) {
            this.request = request;
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final String tmnCode;
    private final String hashSecret;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Transaction> transactions = new ConcurrentHashMap<>();
    private final List<IpnDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicLong transactionNumbers = new AtomicLong(14_000_000L);
    private volatile String ipnUrl;
    private volatile int maxIpnAttempts = 5;
    private volatile Duration ipnRetryDelay = Duration.ofSeconds(1);
    private volatile int extraDuplicateIpns;
    private volatile boolean ipnEnabled = true;
    private volatile boolean refuseRefunds;
    private volatile boolean refundsUnavailable;
    private final AtomicLong lostRefundAnswers = new AtomicLong();
    private volatile boolean holdIpns;
    private final List<HeldIpn> heldIpns = new ArrayList<>();

    private record HeldIpn(String txnRef, String signedQuery) {}

    private PaymentGatewaySimulator(int port, String tmnCode, String hashSecret, String ipnUrl) throws IOException {
        this.tmnCode = tmnCode;
        this.hashSecret = hashSecret;
        this.ipnUrl = ipnUrl;
        this.server = HttpServer.create(new InetSocketAddress(SimulatorBinding.address(), port), 0);
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "payment-gateway-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/paymentv2/vpcpay.html", this::payPage);
        server.createContext("/paymentv2/pay", this::payAction);
        server.createContext("/paymentv2/status", this::status);
        server.createContext("/merchant_webapi/api/transaction", this::merchantApi);
        server.createContext("/paymentv2/settlement", this::settlement);
        server.createContext("/health", ex -> send(ex, 200, "application/json", "{\"status\":\"UP\"}"));
    }

    /** Starts a simulator; {@code port} 0 takes a free port. */
    public static PaymentGatewaySimulator start(int port, String tmnCode, String hashSecret, String ipnUrl) {
        try {
            PaymentGatewaySimulator simulator = new PaymentGatewaySimulator(port, tmnCode, hashSecret, ipnUrl);
            simulator.server.start();
            return simulator;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the payment gateway simulator on port " + port, e);
        }
    }

    /** A simulator on a free port with the development merchant account. */
    public static PaymentGatewaySimulator startOnFreePort(String ipnUrl) {
        return start(0, DEFAULT_TMN_CODE, DEFAULT_HASH_SECRET, ipnUrl);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The pay page, the merchant's {@code pay-url}. */
    public String payUrl() {
        return "http://127.0.0.1:" + port() + "/paymentv2/vpcpay.html";
    }

    /** The merchant API (transaction query), the merchant's {@code api-url}. */
    public String apiUrl() {
        return "http://127.0.0.1:" + port() + "/merchant_webapi/api/transaction";
    }

    /** Where IPNs go (the merchant registers it with the gateway, it is not part of the request). */
    public void ipnUrl(String url) {
        this.ipnUrl = url;
    }

    /** IPN retries: attempts in all, and the pause before each retry (grows linearly). */
    public void ipnRetries(int maxAttempts, Duration delay) {
        this.maxIpnAttempts = Math.max(1, maxAttempts);
        this.ipnRetryDelay = delay;
    }

    /** For tests: after an acknowledged IPN, send the same IPN this many more times (as real gateways do). */
    public void duplicateIpns(int extra) {
        this.extraDuplicateIpns = Math.max(0, extra);
    }

    /** For tests: false loses every IPN (the merchant must find out by querying the transaction). */
    public void ipnEnabled(boolean enabled) {
        this.ipnEnabled = enabled;
    }

    /** For tests: true makes the merchant API refuse every refund. */
    public void refuseRefunds(boolean refuse) {
        this.refuseRefunds = refuse;
    }

    /** For tests: true makes the refund API answer HTTP 503 without doing anything (the gateway is down). */
    public void refundsUnavailable(boolean unavailable) {
        this.refundsUnavailable = unavailable;
    }

    /**
     * For tests: the next {@code count} refunds are made but their answers are lost (HTTP 504, no body):
     * the merchant cannot know the money went back and must not refund it twice when it asks again.
     */
    public void loseRefundAnswers(int count) {
        this.lostRefundAnswers.set(Math.max(0, count));
    }

    /**
     * For tests: true holds every IPN back instead of sending it (the browser is redirected back to the
     * merchant first); {@link #releaseHeldIpns()} then sends them out of order, newest first.
     */
    public void outOfOrderIpns(boolean hold) {
        this.holdIpns = hold;
    }

    /** Sends the held IPNs, newest first (each with its retries and duplicates), and returns the attempts. */
    public List<IpnDelivery> releaseHeldIpns() {
        List<HeldIpn> held;
        synchronized (heldIpns) {
            held = new ArrayList<>(heldIpns);
            heldIpns.clear();
        }
        List<IpnDelivery> attempts = new ArrayList<>();
        for (int i = held.size() - 1; i >= 0; i--) {
            attempts.addAll(sendIpn(held.get(i).txnRef(), held.get(i).signedQuery()));
        }
        return attempts;
    }

    /** What has been refunded of a transaction (whole VND), 0 when nothing or unknown. */
    public long refundedVnd(String txnRef) {
        Transaction tx = transactions.get(txnRef);
        if (tx == null) {
            return 0;
        }
        synchronized (tx) {
            return tx.refundedX100 / 100;
        }
    }

    public List<IpnDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Approves a transaction that reached the pay page, as the Pay button does. */
    public Outcome pay(String txnRef) {
        return settle(txnRef, true);
    }

    /** Declines it (the payer cancelled), as the decline button does. */
    public Outcome decline(String txnRef) {
        return settle(txnRef, false);
    }

    /**
     * The customer leaves the pay page without paying, as the "let expire" button does: no IPN is sent,
     * and the transaction query keeps answering "not completed" (vnp_TransactionStatus 01).
     */
    public void letExpire(String txnRef) {
        Transaction tx = transactions.get(txnRef);
        if (tx == null) {
            throw new IllegalArgumentException("no transaction " + txnRef + " reached the pay page");
        }
        synchronized (tx) {
            if (tx.state != State.AWAITING) {
                throw new IllegalStateException("transaction " + txnRef + " is already " + tx.state);
            }
            tx.state = State.ABANDONED;
        }
        log.info("customer left the pay page of {}: no IPN, the transaction stays unpaid", txnRef);
    }

    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }

    // ---- HTTP ----

    private void payPage(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only");
                return;
            }
            Map<String, String> params = parse(exchange.getRequestURI().getRawQuery());
            String problem = checkRequest(params);
            if (problem != null) {
                log.warn("refused a pay request: {}", problem);
                send(exchange, 400, "text/html", page("Giao dịch không hợp lệ", "<p>" + escape(problem) + "</p>"));
                return;
            }
            String txnRef = params.get("vnp_TxnRef");
            Transaction tx = transactions.computeIfAbsent(txnRef, k -> new Transaction(params));
            synchronized (tx) {
                if (tx.state == State.ABANDONED) {
                    tx.state = State.AWAITING; // the customer came back before the window closed
                }
            }
            if (tx.state != State.AWAITING) {
                send(
                        exchange,
                        409,
                        "text/html",
                        page(
                                "Giao dịch đã được xử lý",
                                "<p>Mã giao dịch " + escape(txnRef) + ": " + tx.state + "</p>"));
                return;
            }
            long amount = Long.parseLong(params.get("vnp_Amount")) / 100;
            send(exchange, 200, "text/html", page("Cổng thanh toán (mô phỏng)", """
                    <p>Đơn vị: <b>%s</b></p>
                    <p>Nội dung: %s</p>
                    <p>Số tiền: <b id="amount">%s VND</b></p>
                    <form method="post" action="/paymentv2/pay">
                      <input type="hidden" name="txnRef" value="%s">
                      <button type="submit" name="action" value="pay" id="pay">Thanh toán</button>
                      <button type="submit" name="action" value="decline" id="decline">Hủy giao dịch</button>
                      <button type="submit" name="action" value="expire" id="expire">Rời trang (để giao dịch hết hạn)</button>
                    </form>
                    <p>Hạn thanh toán: %s</p>""".formatted(
                            escape(params.get("vnp_TmnCode")),
                            escape(params.get("vnp_OrderInfo")),
                            String.format(Locale.ROOT, "%,d", amount),
                            escape(txnRef),
                            escape(params.get("vnp_ExpireDate")))));
        }
    }

    private void payAction(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            Map<String, String> form;
            try (InputStream in = exchange.getRequestBody()) {
                form = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            String txnRef = form.get("txnRef");
            Transaction tx = txnRef == null ? null : transactions.get(txnRef);
            String action = form.getOrDefault("action", "");
            if (tx == null
                    || tx.state != State.AWAITING
                    || !List.of("pay", "decline", "expire").contains(action)) {
                send(
                        exchange,
                        409,
                        "text/html",
                        page("Giao dịch không hợp lệ", "<p>Không có giao dịch chờ thanh toán.</p>"));
                return;
            }
            if (expired(tx)) {
                send(
                        exchange,
                        410,
                        "text/html",
                        page(
                                "Giao dịch đã hết hạn",
                                "<p>Đã quá thời gian chờ thanh toán; không có khoản nào bị trừ.</p>"));
                return;
            }
            if ("expire".equals(action)) {
                letExpire(txnRef);
                send(
                        exchange,
                        200,
                        "text/html",
                        page(
                                "Bạn đã rời trang thanh toán",
                                "<p>Giao dịch "
                                        + escape(txnRef) + " chưa được thanh toán và sẽ hết hạn lúc "
                                        + escape(tx.request.get("vnp_ExpireDate")) + ".</p>"));
                return;
            }
            Outcome outcome = settle(txnRef, "pay".equals(action));
            exchange.getResponseHeaders().add("Location", outcome.returnUrl());
            exchange.sendResponseHeaders(302, -1);
        }
    }

    private void status(HttpExchange exchange) throws IOException {
        try (exchange) {
            String txnRef = parse(exchange.getRequestURI().getRawQuery()).get("vnp_TxnRef");
            Transaction tx = txnRef == null ? null : transactions.get(txnRef);
            if (tx == null) {
                send(exchange, 404, "application/json", "{\"RspCode\":\"91\",\"Message\":\"Transaction not found\"}");
                return;
            }
            send(exchange, 200, "application/json", """
                    {"RspCode":"00","vnp_TxnRef":"%s","vnp_Amount":"%s","state":"%s","vnp_TransactionNo":%s,\
                    "refundedVnd":"%d"}""".formatted(
                            txnRef,
                            tx.request.get("vnp_Amount"),
                            tx.state,
                            tx.transactionNo == null ? "null" : "\"" + tx.transactionNo + "\"",
                            refundedVnd(txnRef)));
        }
    }

    /**
     * The merchant API's transaction query ({@code vnp_Command=querydr}, JSON in and out). Request and
     * answer are signed with HMAC-SHA512 over the protocol's fields joined by {@code |}.
     */
    private void merchantApi(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "POST only");
                return;
            }
            Map<String, String> request;
            try (InputStream in = exchange.getRequestBody()) {
                request = flatJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            if ("refund".equals(request.get("vnp_Command"))) {
                if (refundsUnavailable) {
                    send(exchange, 503, "text/plain", "Service Unavailable");
                    return;
                }
                Map<String, String> refunded = refund(request);
                if ("00".equals(refunded.get("vnp_ResponseCode"))
                        && lostRefundAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    log.info("refund of {} made, its answer lost on the way back", request.get("vnp_TxnRef"));
                    exchange.sendResponseHeaders(504, -1);
                    return;
                }
                StringJoiner body = new StringJoiner(",", "{", "}");
                refunded.forEach((k, v) -> body.add("\"" + k + "\":\"" + jsonEscape(v) + "\""));
                send(exchange, 200, "application/json", body.toString());
                return;
            }
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
            answer.put("vnp_Command", "querydr");
            answer.put("vnp_TmnCode", tmnCode);
            answer.put("vnp_TxnRef", request.getOrDefault("vnp_TxnRef", ""));
            String expected = hmac(String.join(
                    "|",
                    QUERY_REQUEST_FIELDS.stream()
                            .map(f -> request.getOrDefault(f, ""))
                            .toList()));
            Transaction tx = transactions.get(request.getOrDefault("vnp_TxnRef", ""));
            if (!"querydr".equals(request.get("vnp_Command"))) {
                answer.put("vnp_ResponseCode", "02");
                answer.put("vnp_Message", "Unsupported command");
            } else if (!expected.equalsIgnoreCase(request.getOrDefault("vnp_SecureHash", ""))
                    || !tmnCode.equals(request.get("vnp_TmnCode"))) {
                answer.put("vnp_ResponseCode", "97");
                answer.put("vnp_Message", "Invalid Checksum");
            } else if (tx == null) {
                answer.put("vnp_ResponseCode", "91");
                answer.put("vnp_Message", "Transaction not found");
            } else {
                answer.put("vnp_ResponseCode", "00");
                answer.put("vnp_Message", "QueryDR Success");
                answer.put("vnp_Amount", tx.request.get("vnp_Amount"));
                answer.put("vnp_OrderInfo", tx.request.get("vnp_OrderInfo"));
                answer.put("vnp_BankCode", "NCB");
                answer.put("vnp_PayDate", tx.payDate == null ? "" : tx.payDate);
                answer.put("vnp_TransactionNo", tx.transactionNo == null ? "" : tx.transactionNo);
                answer.put("vnp_TransactionType", "01");
                answer.put(
                        "vnp_TransactionStatus",
                        switch (tx.state) {
                            case PAID -> "00";
                            case AWAITING, ABANDONED -> "01"; // not completed: nothing was paid
                            case DECLINED -> "02";
                        });
            }
            answer.put(
                    "vnp_SecureHash",
                    hmac(String.join(
                            "|",
                            QUERY_RESPONSE_FIELDS.stream()
                                    .map(f -> answer.getOrDefault(f, ""))
                                    .toList())));
            StringJoiner body = new StringJoiner(",", "{", "}");
            answer.forEach((k, v) -> body.add("\"" + k + "\":\"" + jsonEscape(v) + "\""));
            send(exchange, 200, "application/json", body.toString());
        }
    }

    private Map<String, String> refund(Map<String, String> request) {
        String txnRef = request.getOrDefault("vnp_TxnRef", "");
        String requestId = request.getOrDefault("vnp_RequestId", "");
        String expected = hmac(String.join(
                "|",
                REFUND_REQUEST_FIELDS.stream()
                        .map(f -> request.getOrDefault(f, ""))
                        .toList()));
        Transaction tx = transactions.get(txnRef);
        String code;
        if (!expected.equalsIgnoreCase(request.getOrDefault("vnp_SecureHash", ""))
                || !tmnCode.equals(request.get("vnp_TmnCode"))) {
            code = "97";
        } else if (tx == null || tx.state != State.PAID) {
            code = "91";
        } else if (refuseRefunds) {
            code = "95";
        } else {
            synchronized (tx) {
                Map<String, String> earlier = requestId.isEmpty() ? null : tx.refunds.get(requestId);
                if (earlier != null) {
                    if (earlier.get("vnp_Amount").equals(request.getOrDefault("vnp_Amount", ""))) {
                        // the same request again (the merchant never got our answer): the same answer, no second refund
                        log.info("refund request {} of {} repeated: answered as before", requestId, txnRef);
                        return earlier;
                    }
                    code = "94"; // the same request id for another refund
                } else {
                    long amount;
                    try {
                        amount = Long.parseLong(request.getOrDefault("vnp_Amount", ""));
                    } catch (NumberFormatException e) {
                        amount = -1;
                    }
                    if (amount <= 0 || tx.refundedX100 + amount > Long.parseLong(tx.request.get("vnp_Amount"))) {
                        code = "03";
                    } else {
                        tx.refundedX100 += amount;
                        code = "00";
                    }
                }
                if ("00".equals(code)) {
                    Map<String, String> answer = refundAnswer(request, code);
                    tx.refunds.put(requestId, answer);
                    log.info("refund of {} ({}): {}", txnRef, request.get("vnp_Amount"), code);
                    return answer;
                }
            }
        }
        log.info("refund of {} ({}): {}", txnRef, request.get("vnp_Amount"), code);
        return refundAnswer(request, code);
    }

    private Map<String, String> refundAnswer(Map<String, String> request, String code) {
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("vnp_ResponseId", Long.toHexString(System.nanoTime()));
        answer.put("vnp_Command", "refund");
        answer.put("vnp_ResponseCode", code);
        answer.put("vnp_Message", "00".equals(code) ? "Refund success" : "Refund refused");
        answer.put("vnp_TmnCode", tmnCode);
        answer.put("vnp_TxnRef", request.getOrDefault("vnp_TxnRef", ""));
        answer.put("vnp_Amount", request.getOrDefault("vnp_Amount", ""));
        answer.put("vnp_BankCode", "NCB");
        answer.put("vnp_PayDate", LocalDateTime.now(VIETNAM).format(VNPAY_TIME));
        answer.put("vnp_TransactionNo", "00".equals(code) ? Long.toString(transactionNumbers.incrementAndGet()) : "");
        answer.put("vnp_TransactionType", request.getOrDefault("vnp_TransactionType", ""));
        answer.put("vnp_TransactionStatus", "00".equals(code) ? "05" : "");
        answer.put("vnp_OrderInfo", request.getOrDefault("vnp_OrderInfo", ""));
        answer.put(
                "vnp_SecureHash",
                hmac(String.join(
                        "|",
                        REFUND_RESPONSE_FIELDS.stream()
                                .map(f -> answer.getOrDefault(f, ""))
                                .toList())));
        return Collections.unmodifiableMap(answer);
    }

    /**
     * The day's settlement file: every transaction the simulator settled as paid, as CSV
     * ({@code GET /paymentv2/settlement?date=yyyyMMdd}, Vietnam date; today when absent).
     */
    private void settlement(HttpExchange exchange) throws IOException {
        try (exchange) {
            String date = parse(exchange.getRequestURI().getRawQuery())
                    .getOrDefault("date", LocalDateTime.now(VIETNAM).format(DateTimeFormatter.BASIC_ISO_DATE));
            StringBuilder csv = new StringBuilder("tmn_code,txn_ref,transaction_no,amount_vnd,pay_date,bank_code\n");
            transactions.forEach((txnRef, tx) -> {
                if (tx.state == State.PAID && tx.payDate != null && tx.payDate.startsWith(date)) {
                    csv.append(tmnCode)
                            .append(',')
                            .append(txnRef)
                            .append(',')
                            .append(tx.transactionNo)
                            .append(',')
                            .append(Long.parseLong(tx.request.get("vnp_Amount")) / 100)
                            .append(',')
                            .append(tx.payDate)
                            .append(",NCB\n");
                }
            });
            send(exchange, 200, "text/csv", csv.toString());
        }
    }

    // ---- protocol ----

    // The merchant API's checksum data, field by field as VNPAY's documentation prints it (docs/design/domain.md,
    // "Merchant API"). The simulator plays the outside gateway: it is written from the protocol and shares no code
    // with payment-service's VnpayMerchantApi on purpose. One shared field list would let one mistake pass on both
    // sides; two transcriptions of the protocol, run against each other in PaymentFlowIT, catch it.
    static final List<String> QUERY_REQUEST_FIELDS = checksumData("vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode"
            + "|vnp_TxnRef|vnp_TransactionDate|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo");
    static final List<String> QUERY_RESPONSE_FIELDS = checksumData("vnp_ResponseId|vnp_Command|vnp_ResponseCode"
            + "|vnp_Message|vnp_TmnCode|vnp_TxnRef|vnp_Amount|vnp_BankCode|vnp_PayDate|vnp_TransactionNo"
            + "|vnp_TransactionType|vnp_TransactionStatus|vnp_OrderInfo|vnp_PromotionCode|vnp_PromotionAmount");
    static final List<String> REFUND_REQUEST_FIELDS = checksumData("vnp_RequestId|vnp_Version|vnp_Command|vnp_TmnCode"
            + "|vnp_TransactionType|vnp_TxnRef|vnp_Amount|vnp_TransactionNo|vnp_TransactionDate|vnp_CreateBy"
            + "|vnp_CreateDate|vnp_IpAddr|vnp_OrderInfo");
    static final List<String> REFUND_RESPONSE_FIELDS = checksumData("vnp_ResponseId|vnp_Command|vnp_ResponseCode"
            + "|vnp_Message|vnp_TmnCode|vnp_TxnRef|vnp_Amount|vnp_BankCode|vnp_PayDate|vnp_TransactionNo"
            + "|vnp_TransactionType|vnp_TransactionStatus|vnp_OrderInfo");

    /** The field names of a checksum-data template ({@code a|b|c}: the values of a, b and c joined by {@code |}). */
    private static List<String> checksumData(String template) {
        return List.of(template.split("\\|"));
    }

    private static final Pattern JSON_STRING_FIELD =
            Pattern.compile("\"([A-Za-z0-9_]+)\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The string fields of a flat JSON object (all the merchant API sends). */
    static Map<String, String> flatJson(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = JSON_STRING_FIELD.matcher(body);
        while (m.find()) {
            fields.put(
                    m.group(1),
                    m.group(2).replace("\\\"", "\"").replace("\\/", "/").replace("\\\\", "\\"));
        }
        return fields;
    }

    private static String jsonEscape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Why a merchant's pay request is refused, or null when it is acceptable. */
    private String checkRequest(Map<String, String> params) {
        if (!verify(params)) {
            return "Sai chữ ký (invalid signature)";
        }
        if (!tmnCode.equals(params.get("vnp_TmnCode"))) {
            return "Mã website không tồn tại (unknown tmn code)";
        }
        for (String required : List.of(
                "vnp_Version",
                "vnp_Command",
                "vnp_Amount",
                "vnp_TxnRef",
                "vnp_OrderInfo",
                "vnp_ReturnUrl",
                "vnp_CreateDate",
                "vnp_ExpireDate",
                "vnp_IpAddr",
                "vnp_CurrCode")) {
            if (params.get(required) == null || params.get(required).isBlank()) {
                return "Thiếu tham số " + required;
            }
        }
        if (!"2.1.0".equals(params.get("vnp_Version")) || !"pay".equals(params.get("vnp_Command"))) {
            return "Phiên bản hoặc lệnh không hỗ trợ";
        }
        try {
            if (Long.parseLong(params.get("vnp_Amount")) <= 0 || Long.parseLong(params.get("vnp_Amount")) % 100 != 0) {
                return "Số tiền không hợp lệ";
            }
            LocalDateTime expires = LocalDateTime.parse(params.get("vnp_ExpireDate"), VNPAY_TIME);
            if (expires.isBefore(LocalDateTime.now(VIETNAM))) {
                return "Giao dịch đã quá thời gian chờ thanh toán (expired)";
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return "Tham số không hợp lệ";
        }
        return null;
    }

    private Outcome settle(String txnRef, boolean approve) {
        Transaction tx = transactions.get(txnRef);
        if (tx == null) {
            throw new IllegalArgumentException("no transaction " + txnRef + " reached the pay page");
        }
        synchronized (tx) {
            if (tx.state != State.AWAITING) {
                throw new IllegalStateException("transaction " + txnRef + " is already " + tx.state);
            }
            if (expired(tx)) {
                throw new IllegalStateException(
                        "transaction " + txnRef + " expired at " + tx.request.get("vnp_ExpireDate"));
            }
            tx.state = approve ? State.PAID : State.DECLINED;
            tx.transactionNo = Long.toString(transactionNumbers.incrementAndGet());
            tx.payDate = LocalDateTime.now(VIETNAM).format(VNPAY_TIME);
        }
        Map<String, String> result = new LinkedHashMap<>();
        result.put("vnp_Amount", tx.request.get("vnp_Amount"));
        result.put("vnp_BankCode", "NCB");
        result.put("vnp_BankTranNo", approve ? "VNP" + tx.transactionNo : "");
        result.put("vnp_CardType", "ATM");
        result.put("vnp_OrderInfo", tx.request.get("vnp_OrderInfo"));
        result.put("vnp_PayDate", tx.payDate);
        result.put("vnp_ResponseCode", approve ? "00" : "24");
        result.put("vnp_TmnCode", tmnCode);
        result.put("vnp_TransactionNo", approve ? tx.transactionNo : "0");
        result.put("vnp_TransactionStatus", approve ? "00" : "02");
        result.put("vnp_TxnRef", txnRef);
        String signedQuery = query(result) + "&vnp_SecureHashType=HmacSHA512&vnp_SecureHash=" + sign(result);

        List<IpnDelivery> attempts;
        if (holdIpns) {
            synchronized (heldIpns) {
                heldIpns.add(new HeldIpn(txnRef, signedQuery));
            }
            log.info("IPN for {} held back (out-of-order mode)", txnRef);
            attempts = List.of();
        } else {
            attempts = sendIpn(txnRef, signedQuery);
        }
        boolean acknowledged = attempts.stream().anyMatch(d -> "00".equals(d.rspCode()) || "02".equals(d.rspCode()));
        String returnUrl = tx.request.get("vnp_ReturnUrl");
        returnUrl += (returnUrl.contains("?") ? "&" : "?") + signedQuery;
        return new Outcome(txnRef, result.get("vnp_ResponseCode"), acknowledged, List.copyOf(attempts), returnUrl);
    }

    /** Sends one IPN until the merchant acknowledges it (RspCode 00 or 02), then the configured duplicates. */
    private List<IpnDelivery> sendIpn(String txnRef, String signedQuery) {
        List<IpnDelivery> attempts = new ArrayList<>();
        boolean acknowledged = false;
        for (int attempt = 1; ipnEnabled && attempt <= maxIpnAttempts && !acknowledged; attempt++) {
            if (attempt > 1) {
                sleep(ipnRetryDelay.multipliedBy(attempt - 1));
            }
            IpnDelivery delivery = deliver(txnRef, attempt, signedQuery);
            attempts.add(delivery);
            acknowledged = "00".equals(delivery.rspCode()) || "02".equals(delivery.rspCode());
        }
        if (!ipnEnabled) {
            log.warn("IPN for {} dropped (IPNs are switched off)", txnRef);
        } else if (!acknowledged) {
            log.warn("IPN for {} not acknowledged after {} attempts", txnRef, attempts.size());
        }
        for (int i = 0; acknowledged && i < extraDuplicateIpns; i++) {
            attempts.add(deliver(txnRef, attempts.size() + 1, signedQuery));
        }
        return attempts;
    }

    private static boolean expired(Transaction tx) {
        try {
            return LocalDateTime.parse(tx.request.get("vnp_ExpireDate"), VNPAY_TIME)
                    .isBefore(LocalDateTime.now(VIETNAM));
        } catch (RuntimeException e) {
            return true;
        }
    }

    private IpnDelivery deliver(String txnRef, int attempt, String signedQuery) {
        String url = ipnUrl + (ipnUrl.contains("?") ? "&" : "?") + signedQuery;
        IpnDelivery delivery;
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher m = RSP_CODE.matcher(response.body());
            delivery = new IpnDelivery(txnRef, attempt, response.statusCode(), m.find() ? m.group(1) : null);
        } catch (IOException e) {
            delivery = new IpnDelivery(txnRef, attempt, 0, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            delivery = new IpnDelivery(txnRef, attempt, 0, null);
        }
        log.info("IPN {} attempt {}: HTTP {} RspCode {}", txnRef, attempt, delivery.httpStatus(), delivery.rspCode());
        deliveries.add(delivery);
        return delivery;
    }

    // ---- signing (VNPay 2.1.0: sorted, URL-encoded with US-ASCII, HMAC-SHA512 hex) ----

    static String query(Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        new TreeMap<>(params).forEach((name, value) -> {
            if (value != null
                    && !value.isEmpty()
                    && !name.equals("vnp_SecureHash")
                    && !name.equals("vnp_SecureHashType")) {
                query.add(URLEncoder.encode(name, StandardCharsets.US_ASCII) + "="
                        + URLEncoder.encode(value, StandardCharsets.US_ASCII));
            }
        });
        return query.toString();
    }

    String sign(Map<String, String> params) {
        return hmac(query(params));
    }

    private String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(hashSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean verify(Map<String, String> params) {
        String given = params.get("vnp_SecureHash");
        return given != null
                && MessageDigest.isEqual(
                        sign(params).getBytes(StandardCharsets.US_ASCII),
                        given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return params;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="vi"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1>
                %s
                </body></html>""".formatted(escape(title), escape(title), body);
    }

    private static String escape(String s) {
        if (s == null) {
            return "";
        }
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the simulator in the foreground for {@code ./egov}: {@code --port 8090 --tmn-code EGOVDEV1
     * --hash-secret … --ipn-url http://127.0.0.1:8080/api/v1/payments/vnpay/ipn} (all optional).
     */
    public static void main(String[] args) throws InterruptedException {
        int port = DEFAULT_PORT;
        String tmn = DEFAULT_TMN_CODE;
        String secret = DEFAULT_HASH_SECRET;
        String ipn = DEFAULT_IPN_URL;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(args[i + 1]);
                case "--tmn-code" -> tmn = args[i + 1];
                case "--hash-secret" -> secret = args[i + 1];
                case "--ipn-url" -> ipn = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PaymentGatewaySimulator simulator = start(port, tmn, secret, ipn);
        Runtime.getRuntime().addShutdownHook(new Thread(simulator::stop, "payment-gateway-simulator-stop"));
        System.out.println("Payment gateway simulator ready at " + simulator.payUrl() + " (IPN to " + ipn + ")");
        Thread.currentThread().join();
    }
}
