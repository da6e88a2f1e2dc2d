package vn.egov.dossier.dossier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real HTTP stand-in (WireMock) for payment-service's order API and the realm's token endpoint, on a fixed
 * free port so it can be stopped (connection refused, like a dead service) and started again. Like
 * payment-service, it answers the same order for the same Idempotency-Key; the order's amount is the one asked
 * for. WireMock's request journal tells which orders were asked for.
 */
public final class PaymentServiceStub {

    public record Call(String path, String authorization, String idempotencyKey, String body) {}

    private static final String ORDERS = "/api/v1/payments";

    private final Map<String, String> ordersByKey = new ConcurrentHashMap<>();
    private final WireMockServer server = StandIns.onAFreePort(new PaymentOrders());

    public PaymentServiceStub() {
        server.stubFor(post(urlPathEqualTo("/token"))
                .willReturn(okJson("{\"access_token\":\"stub-token\",\"expires_in\":300,\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlPathEqualTo(ORDERS))
                .willReturn(aResponse().withStatus(201).withTransformers(PaymentOrders.NAME)));
    }

    /** The order requests received so far, oldest first. */
    List<Call> calls() {
        return server.findAll(postRequestedFor(urlPathEqualTo(ORDERS))).stream()
                .map(r -> new Call(
                        ORDERS, r.getHeader("Authorization"), r.getHeader("Idempotency-Key"), r.getBodyAsString()))
                .toList();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getOptions().portNumber();
    }

    public void start() {
        server.start();
    }

    public void stop() {
        server.stop();
    }

    /** The order payment-service would create: one id per Idempotency-Key, the amount from the request. */
    private final class PaymentOrders implements ResponseDefinitionTransformerV2 {

        static final String NAME = "payment-order";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String id = ordersByKey.computeIfAbsent(
                    String.valueOf(request.getHeader("Idempotency-Key")),
                    k -> UUID.randomUUID().toString());
            long amount = JsonPath.parse(request.getBodyAsString()).read("$.amountVnd", Long.class);
            return ResponseDefinitionBuilder.like(event.getResponseDefinition())
                    .but()
                    .withHeader("Content-Type", "application/json")
                    .withBody("""
                            {"id":"%s","amount":%d,"paymentUrl":"http://127.0.0.1:8090/paymentv2/vpcpay.html?vnp_TxnRef=%s","status":"PENDING","expiresAt":"2030-01-01T00:00:00Z"}""".formatted(id, amount, id.replace("-", "")))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
