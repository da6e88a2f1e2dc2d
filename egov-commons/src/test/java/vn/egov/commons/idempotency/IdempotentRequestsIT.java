package vn.egov.commons.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.egov.commons.web.ApiProblem;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * The HTTP idempotency store against a real PostgreSQL (its table from the egov-commons migrations, as in
 * every service): replay, conflict, release on failure, abandoned attempts, and the in-transaction use in which
 * a concurrent retry waits for the first and gets its response.
 */
@SpringBootTest(
        classes = IdempotencyTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.application.name=egov-commons-idempotency-test",
            "egov.test.kafka=false",
            "egov.events.relay-enabled=false"
        })
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class IdempotentRequestsIT {

    record Order(String dossierCode, long amount) {}

    record Created(UUID id, String dossierCode) {}

    @Autowired
    IdempotentRequests idempotent;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JsonMapper json;

    static String key() {
        return "it-" + UUID.randomUUID();
    }

    @Test
    void theSameKeyAndRequestGetTheKeptResponseWithoutRunningAgain() {
        String key = key();
        AtomicInteger runs = new AtomicInteger();
        Order order = new Order("G01.001-260101-0001", 50_000);

        IdempotentRequests.Outcome<Created> first = idempotent.execute(
                "orders",
                key,
                order,
                Created.class,
                () -> new Created(UUID.randomUUID(), "run " + runs.incrementAndGet()));
        IdempotentRequests.Outcome<Created> again = idempotent.execute(
                "orders",
                key,
                new Order("G01.001-260101-0001", 50_000),
                Created.class,
                () -> new Created(UUID.randomUUID(), "run " + runs.incrementAndGet()));

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.response()).isEqualTo(first.response());
        assertThat(runs).hasValue(1);
        // kept plainly by default: a SHA-256 of the request's JSON and the response's JSON
        var row = jdbc.sql("select request_hash, status, response_key_id, response_sealed from http_idempotency_key"
                        + " where scope = 'orders' and idempotency_key = :k")
                .param("k", key)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)})
                .single();
        assertThat((String) row[0]).hasSize(64).matches("[0-9a-f]+");
        assertThat(row[1]).isEqualTo("DONE");
        assertThat(row[2]).isNull();
        assertThat(new String((byte[]) row[3], StandardCharsets.UTF_8))
                .contains(first.response().id().toString());
    }

    @Test
    void theSameKeyWithAnotherRequestIsAConflictAndRunsNothing() {
        String key = key();
        AtomicInteger runs = new AtomicInteger();
        idempotent.run("orders", key, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "A"));

        assertThatThrownBy(() -> idempotent.run("orders", key, new Order("A", 2), Created.class, () -> {
                    runs.incrementAndGet();
                    return new Created(UUID.randomUUID(), "A");
                }))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(p.code()).isEqualTo("idempotency-key-reused");
                });
        assertThat(runs).hasValue(0);
    }

    @Test
    void keysAreUniqueWithinTheirScopeOnly() {
        String key = key();
        Created a = idempotent.run(
                "orders:client-a", key, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "A"));
        Created b = idempotent.run(
                "orders:client-b", key, new Order("B", 1), Created.class, () -> new Created(UUID.randomUUID(), "B"));
        assertThat(b.id()).isNotEqualTo(a.id());
        assertThat(b.dossierCode()).isEqualTo("B");
    }

    @Test
    void aRetryWhileTheFirstStillRunsIsToldSo() {
        String key = key();
        Created outer = idempotent.run("orders", key, new Order("A", 1), Created.class, () -> {
            assertThatThrownBy(() -> idempotent.run(
                            "orders",
                            key,
                            new Order("A", 1),
                            Created.class,
                            () -> new Created(UUID.randomUUID(), "inner")))
                    .isInstanceOfSatisfying(
                            ApiProblem.class, p -> assertThat(p.code()).isEqualTo("request-in-progress"));
            return new Created(UUID.randomUUID(), "outer");
        });
        assertThat(outer.dossierCode()).isEqualTo("outer");
    }

    @Test
    void aFailedActionReleasesItsKeySoTheClientMayTryAgain() {
        String key = key();
        assertThatThrownBy(() -> idempotent.run("orders", key, new Order("A", 1), Created.class, () -> {
                    throw new IllegalStateException("the callee was down");
                }))
                .hasMessage("the callee was down");

        Created second = idempotent.run(
                "orders", key, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "second"));
        assertThat(second.dossierCode()).isEqualTo("second");
    }

    @Test
    void anAttemptAbandonedLongAgoNoLongerBlocksItsKey() {
        String key = key();
        jdbc.sql("""
                insert into http_idempotency_key (scope, idempotency_key, request_hash, status, created_at)
                values ('orders', :k, 'from a process that died', 'IN_PROGRESS', now() - interval '6 minutes')""").param("k", key).update();

        Created taken = idempotent.run(
                "orders", key, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "taken over"));
        assertThat(taken.dossierCode()).isEqualTo("taken over");

        // the same request, claimed a moment ago by another instance that is still working on it
        String fresh = key();
        String hash = IdempotencyProtection.plain().fingerprint(json.writeValueAsString(new Order("A", 1)), "orders");
        jdbc.sql("""
                insert into http_idempotency_key (scope, idempotency_key, request_hash, status)
                values ('orders', :k, :h, 'IN_PROGRESS')""").param("k", fresh).param("h", hash).update();
        assertThatThrownBy(() -> idempotent.run(
                        "orders", fresh, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "x")))
                .isInstanceOfSatisfying(
                        ApiProblem.class, p -> assertThat(p.code()).isEqualTo("request-in-progress"));
    }

    @Test
    void aBlankOrOverlongKeyIsRefusedAndNoKeyJustRuns() {
        for (String bad : new String[] {" ", "k".repeat(IdempotentRequests.DEFAULT_MAX_KEY_LENGTH + 1)}) {
            assertThatThrownBy(() -> idempotent.run(
                            "orders", bad, new Order("A", 1), Created.class, () -> new Created(UUID.randomUUID(), "x")))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> {
                        assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                        assertThat(p.code()).isEqualTo("invalid-idempotency-key");
                    });
        }
        AtomicInteger runs = new AtomicInteger();
        for (int i = 0; i < 2; i++) {
            idempotent.run(
                    "orders",
                    null,
                    new Order("A", 1),
                    Created.class,
                    () -> new Created(UUID.randomUUID(), "run " + runs.incrementAndGet()));
        }
        assertThat(runs).hasValue(2);
    }

    @Test
    void insideATransactionAConcurrentRetryWaitsForTheFirstAndGetsItsResponse() throws Exception {
        String key = key();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);

        CompletableFuture<IdempotentRequests.Outcome<Created>> first = CompletableFuture.supplyAsync(() ->
                transactions.execute(tx -> idempotent.execute("orders", key, new Order("A", 1), Created.class, () -> {
                    runs.incrementAndGet();
                    firstClaimed.countDown();
                    await(releaseFirst);
                    return new Created(UUID.randomUUID(), "first");
                })));
        assertThat(firstClaimed.await(20, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<IdempotentRequests.Outcome<Created>> retry = CompletableFuture.supplyAsync(() ->
                transactions.execute(tx -> idempotent.execute("orders", key, new Order("A", 1), Created.class, () -> {
                    runs.incrementAndGet();
                    return new Created(UUID.randomUUID(), "retry");
                })));
        // the retry is held by the first's uncommitted claim, not answered "in progress"
        Awaitility.await()
                .during(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(5))
                .until(() -> !retry.isDone());
        releaseFirst.countDown();

        IdempotentRequests.Outcome<Created> a = first.get(20, TimeUnit.SECONDS);
        IdempotentRequests.Outcome<Created> b = retry.get(20, TimeUnit.SECONDS);
        assertThat(a.replayed()).isFalse();
        assertThat(b.replayed()).isTrue();
        assertThat(b.response()).isEqualTo(a.response());
        assertThat(runs).hasValue(1);
    }

    @Test
    void insideATransactionThatRollsBackTheKeyGoesWithIt() {
        String key = key();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    idempotent.run(
                            "orders",
                            key,
                            new Order("A", 1),
                            Created.class,
                            () -> new Created(UUID.randomUUID(), "lost"));
                    throw new IllegalStateException("the effect failed after the action");
                }))
                .hasMessageContaining("the effect failed");
        assertThat(jdbc.sql("select count(*) from http_idempotency_key where idempotency_key = :k")
                        .param("k", key)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
