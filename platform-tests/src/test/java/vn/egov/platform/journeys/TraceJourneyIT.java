package vn.egov.platform.journeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import vn.egov.platform.journeys.OtlpReceiver.Kind;
import vn.egov.platform.journeys.OtlpReceiver.ReceivedSpan;

/**
 * One trace from click to notice (issue 18): a citizen submits a dossier through the gateway, dossier-service
 * accepts it and writes DOSSIER_SUBMITTED to its outbox, the relay sends it to Kafka, notification-service handles
 * it and the citizen's inbox shows the notice. The spans every service exported to the run's {@link OtlpReceiver}
 * make one trace with correct parent links, and the trace id is in the JSON log lines of the gateway,
 * dossier-service and notification-service.
 */
@Order(3)
@ExtendWith(PlatformExtension.class)
class TraceJourneyIT {

    /** Spans are exported in batches (every few seconds); a loaded machine adds to it. */
    private static final Duration EXPORT_PATIENCE = Duration.ofSeconds(60);

    @Test
    void oneTraceFromTheGatewayRequestToTheNotificationsHandling(Platform platform, OtlpReceiver receiver)
            throws IOException {
        String citizen = People.token(People.DEMO_CITIZEN);
        // the client's own correlation id (the gateway keeps a log-safe one): how this test finds its request's lines
        String correlationId = "trace-journey-" + UUID.randomUUID();
        JsonNode submitted = Dossiers.created(Dossiers.submitBirthRegistration(
                citizen, "Nguyễn Minh Vết", Map.of("X-Correlation-Id", correlationId)));
        String code = submitted.get("code").asString();
        // notification-service handled the event: the citizen's notice is in the inbox
        Dossiers.awaitInbox(citizen, code, "DOSSIER_SUBMITTED");

        // the gateway's access line of the submission, in JSON, names the trace
        JsonNode access = Api.eventually(
                        "the gateway's access log line of the submission (correlation id " + correlationId + ")",
                        Dossiers.PATIENCE,
                        () -> jsonLines(platform, "gateway-service").stream()
                                .filter(l -> l.path("message").asString("").contains("correlationId=" + correlationId))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        String traceId = access.path("traceId").asString("");
        assertThat(traceId)
                .as("the trace id in the gateway's access line: %s", access)
                .matches("[0-9a-f]{32}");

        List<ReceivedSpan> trace = Api.eventually(
                "the spans of trace " + traceId + " from the gateway, dossier-service and notification-service",
                EXPORT_PATIENCE,
                Duration.ofSeconds(2),
                () -> receiver.trace(traceId),
                spans -> has(spans, "gateway-service", Kind.SERVER)
                        && has(spans, "dossier-service", Kind.SERVER)
                        && has(spans, "dossier-service", Kind.PRODUCER)
                        && has(spans, "notification-service", Kind.CONSUMER)
                        && !statements(spans, "dossier-service").isEmpty()
                        && !statements(spans, "notification-service").isEmpty());
        String described = describe(trace) + "\n(receiver: " + receiver.counts() + ")";
        System.out.println("Trace " + traceId + " of dossier " + code + ":\n" + described);
        Map<String, ReceivedSpan> byId =
                trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));

        // the gateway's server span starts the trace: the citizen's client sent no traceparent
        List<ReceivedSpan> gatewayServer = of(trace, "gateway-service", Kind.SERVER);
        assertThat(gatewayServer).as(described).hasSize(1);
        assertThat(gatewayServer.get(0).isRoot()).as(described).isTrue();

        // dossier-service's server span is a child of the gateway's client span (its call to the service)
        ReceivedSpan dossierServer = only(trace, "dossier-service", Kind.SERVER, described);
        ReceivedSpan call = byId.get(dossierServer.parentSpanId());
        assertThat(call)
                .as("the parent of dossier-service's server span in\n%s", described)
                .isNotNull();
        assertThat(call.service() + " " + call.kind()).as(described).isEqualTo("gateway-service CLIENT");
        assertThat(ancestors(call, byId)).as(described).contains(gatewayServer.get(0));

        // the relay's send of DOSSIER_SUBMITTED continues the request that wrote the event
        ReceivedSpan producer = of(trace, "dossier-service", Kind.PRODUCER).stream()
                .filter(p -> ancestors(p, byId).contains(dossierServer))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no PRODUCER span of dossier-service under its server span in\n" + described));

        // notification-service's handling is the consumer of that record
        List<ReceivedSpan> consumers = of(trace, "notification-service", Kind.CONSUMER);
        assertThat(consumers)
                .as("notification-service's consumer spans in\n%s", described)
                .anySatisfy(c -> assertThat(c.parentSpanId()).isEqualTo(producer.spanId()));

        // the statements are spans too (datasource-micrometer): the insert of the dossier under the request, the
        // notice's insert under the handling of the event; SQL with placeholders, never the values bound to them
        assertThat(statements(trace, "dossier-service"))
                .as("dossier-service's JDBC spans in\n%s", described)
                .anySatisfy(q -> {
                    assertThat(sql(q)).startsWithIgnoringCase("insert into dossier (");
                    assertThat(ancestors(q, byId)).contains(dossierServer);
                });
        assertThat(statements(trace, "notification-service"))
                .as("notification-service's JDBC spans in\n%s", described)
                .anySatisfy(q -> assertThat(ancestors(q, byId)).containsAnyElementsOf(consumers));
        assertThat(trace)
                .as("no span carries a value bound to a statement\n%s", described)
                .allSatisfy(span -> assertThat(span.attributes().keySet()).noneMatch(k -> k.startsWith("jdbc.params")));
        assertThat(trace.stream().map(ReceivedSpan::text))
                .as("the applicant's name is in the submission, never in a span")
                .noneMatch(t -> t.contains("Vết"));

        // Spring Security's filter chain is no span of its own (decisions 46 and 47): its cost per request bought
        // nothing
        assertThat(trace)
                .as("spans of Spring Security's observations in\n%s", described)
                .noneMatch(s -> s.name().startsWith("security filterchain")
                        || s.name().equals("secured request")
                        || s.name().startsWith("authorize ")
                        || s.name().startsWith("authenticate "));

        // every span's parent is in the trace (nothing dropped or cut off between services) but the root
        assertThat(trace.stream().filter(s -> !s.isRoot() && !byId.containsKey(s.parentSpanId())))
                .as("spans whose parent is not in the trace\n%s", described)
                .isEmpty();
        assertThat(trace.stream().filter(ReceivedSpan::isRoot)).as(described).hasSize(1);

        // the same trace id in the JSON log lines of each of the three services
        for (String service : List.of("gateway-service", "dossier-service", "notification-service")) {
            List<JsonNode> lines = Api.eventually(
                    service + "'s JSON log lines of trace " + traceId,
                    Dossiers.PATIENCE,
                    () -> linesOfTrace(platform, service, traceId),
                    l -> !l.isEmpty());
            assertThat(lines)
                    .as("%s's lines of the trace carry the request's correlation id", service)
                    .allSatisfy(l ->
                            assertThat(l.path("correlationId").asString("")).isEqualTo(correlationId));
        }
        // dossier-service's line is the event it wrote (EventPublisher), notification-service's its handling of that
        // event (IdempotentConsumer): the lines of the journey's steps, not some start-up line that happened to fall
        // into the trace
        assertThat(linesOfTrace(platform, "dossier-service", traceId))
                .extracting(l -> l.path("message").asString(""))
                .anyMatch(m -> m.startsWith("Event vn.egov.dossier.submitted.v1 ")
                        && m.endsWith(" written to the outbox for egov.dossier.events"));
        assertThat(linesOfTrace(platform, "notification-service", traceId))
                .extracting(l -> l.path("message").asString(""))
                .anyMatch(m -> m.startsWith("Event vn.egov.dossier.submitted.v1 ")
                        && m.endsWith(" handled by notification-service"));
    }

    /**
     * No span of the whole run names a person: the tests so far and this one registered citizens, one asks to change
     * their e-mail address (identity-service looks the new one up in Keycloak, {@code ?email=}), an officer searched
     * the queue by a citizen's identity number ({@code ?applicant=}) and somebody looked a dossier up with its secret
     * ({@code ?secret=}); the spans of those calls exist and say which address was called, without its query.
     */
    @Test
    void noSpanNamesACitizensIdentityNumberEmailPhoneOrALookupSecret(Platform platform, OtlpReceiver receiver) {
        People.Citizen citizen = People.verifiedCitizen();
        String citizenToken = citizen.token();
        JsonNode submitted =
                Dossiers.created(Dossiers.submitBirthRegistration(citizenToken, citizen.fullName(), Map.of()));
        String code = submitted.get("code").asString();
        String secret = submitted.get("lookupSecret").asString();
        Api.Response search = Api.get(
                Platform.GATEWAY + "/api/v1/dossiers?status=ALL&applicant=" + citizen.nationalId(),
                People.token(People.OFFICER));
        assertThat(search.status())
                .as("the officer's search by identity number: %s", search)
                .isEqualTo(200);
        Api.Response lookup = Api.get(Platform.GATEWAY + "/api/v1/public/dossiers/" + code + "?secret=" + secret, null);
        assertThat(lookup.status()).as("the public lookup: %s", lookup).isEqualTo(200);
        // a new address: identity-service asks Keycloak whether another account has it (GET …/users?email=…)
        String newEmail = "moi" + citizen.email();
        Api.Response change = Api.postJson(
                Platform.GATEWAY + "/api/v1/identity/me/contact-changes",
                citizenToken,
                Map.of("channel", "EMAIL", "value", newEmail));
        assertThat(change.status()).as("the contact change: %s", change).isEqualTo(202);

        // the calls whose queries held those values were traced, so the scan below looks at them
        List<ReceivedSpan> all = Api.eventually(
                "the spans of the Keycloak lookup by e-mail, the officer's search and the public lookup",
                EXPORT_PATIENCE,
                Duration.ofSeconds(2),
                receiver::spans,
                spans -> searched(spans, "identity-service", "/admin/realms/egov/users")
                        && called(spans, "gateway-service", "http.uri", "/api/v1/dossiers")
                        && called(spans, "gateway-service", "http.uri", "/api/v1/public/dossiers/" + code));
        List<String> personal = List.of(
                citizen.nationalId(),
                citizen.email(),
                citizen.email().replace("@", "%40"),
                newEmail,
                newEmail.replace("@", "%40"),
                citizen.phone(),
                secret,
                People.DEMO_CITIZEN,
                People.DEMO_CITIZEN_EMAIL,
                People.DEMO_CITIZEN_PHONE);
        List<String> leaks = all.stream()
                .filter(span -> personal.stream().anyMatch(span.text()::contains))
                .map(span -> span + " " + span.text())
                .toList();
        assertThat(leaks)
                .as("spans (of %d received) that name a citizen or a lookup secret", all.size())
                .isEmpty();
        // a statement outside any request, handler or task (a relay's poll, a sweep) is no trace of its own
        assertThat(all.stream()
                        .filter(span -> span.isRoot() && span.attributes().containsKey("jdbc.query[0]"))
                        .map(span -> span + " " + span.text()))
                .as("JDBC spans that are a trace of their own")
                .isEmpty();
    }

    private static boolean called(List<ReceivedSpan> spans, String service, String attribute, String address) {
        return spans.stream()
                .anyMatch(s -> s.service().equals(service)
                        && s.kind() == Kind.CLIENT
                        && s.attributes().getOrDefault(attribute, "").contains(address));
    }

    /** A GET of a service's RestClient to this address: a search, whose query the span must not keep. */
    private static boolean searched(List<ReceivedSpan> spans, String service, String address) {
        return spans.stream()
                .anyMatch(s -> s.service().equals(service)
                        && s.kind() == Kind.CLIENT
                        && "GET".equals(s.attributes().get("method"))
                        && s.attributes().getOrDefault("http.url", "").matches(".*" + address + "([?#].*)?"));
    }

    /** The JDBC statement spans of a service (datasource-micrometer: {@code jdbc.query[0]}, the SQL). */
    private static List<ReceivedSpan> statements(List<ReceivedSpan> spans, String service) {
        return spans.stream()
                .filter(s -> s.service().equals(service) && s.attributes().containsKey("jdbc.query[0]"))
                .toList();
    }

    private static String sql(ReceivedSpan statement) {
        return statement.attributes().get("jdbc.query[0]").strip();
    }

    private static boolean has(List<ReceivedSpan> spans, String service, Kind kind) {
        return !of(spans, service, kind).isEmpty();
    }

    private static List<ReceivedSpan> of(List<ReceivedSpan> spans, String service, Kind kind) {
        return spans.stream()
                .filter(s -> s.service().equals(service) && s.kind() == kind)
                .toList();
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, String service, Kind kind, String described) {
        List<ReceivedSpan> found = of(spans, service, kind);
        assertThat(found).as("%s %s spans in\n%s", service, kind, described).hasSize(1);
        return found.get(0);
    }

    private static List<ReceivedSpan> ancestors(ReceivedSpan span, Map<String, ReceivedSpan> byId) {
        List<ReceivedSpan> up = new ArrayList<>();
        for (ReceivedSpan s = byId.get(span.parentSpanId());
                s != null && up.size() < 100;
                s = byId.get(s.parentSpanId())) {
            up.add(s);
        }
        return up;
    }

    private static String describe(List<ReceivedSpan> trace) {
        return trace.stream().map(s -> "  " + s).collect(Collectors.joining("\n"));
    }

    private static List<JsonNode> linesOfTrace(Platform platform, String service, String traceId) {
        return jsonLines(platform, service).stream()
                .filter(l -> traceId.equals(l.path("traceId").asString("")))
                .toList();
    }

    /** The JSON lines of a service's log ({@code EGOV_LOG_FORMAT=json}); the JVM's own lines are not JSON. */
    private static List<JsonNode> jsonLines(Platform platform, String service) {
        Path log = platform.logsDir().resolve(service + ".log");
        List<JsonNode> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    lines.add(Api.JSON.readTree(line));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return lines;
    }
}
