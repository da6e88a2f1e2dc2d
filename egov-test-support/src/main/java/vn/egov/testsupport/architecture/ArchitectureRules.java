package vn.egov.testsupport.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The architecture rules every service keeps, written once; each service's {@code ArchitectureTest} calls
 * them with its own classes, publishers and client packages. Classes are named by string where the type lives
 * in a module this one must not depend on (egov-commons depends on this module in its tests).
 */
public final class ArchitectureRules {

    static final String EVENT_PUBLISHER = "vn.egov.commons.events.EventPublisher";

    /** The APIs that make an outbound HTTP call (a Spring Cloud Gateway route is configuration, not code). */
    static final String[] HTTP_CLIENT_PACKAGES = {
        "java.net.http..", "org.springframework.web.client..", "org.springframework.web.reactive.function.client..",
        "org.springframework.web.service.invoker..", "org.springframework.cloud.openfeign..", "feign.."
    };

    private ArchitectureRules() {}

    /** The production classes of a service (no tests, no jars), below its application's package. */
    public static JavaClasses productionClassesOf(Class<?> application) {
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(application.getPackageName());
    }

    /**
     * A controller translates HTTP to a call of the feature: no SQL and no transaction in it, so the use case
     * can be called, and tested, without the web layer, and a transaction never spans the response rendering.
     */
    public static ArchRule controllersUseNeitherJdbcClientNorTransactions() {
        DescribedPredicate<JavaClass> controllers = DescribedPredicate.describe(
                "controllers",
                c -> c.isAnnotatedWith("org.springframework.web.bind.annotation.RestController")
                        || c.isAnnotatedWith("org.springframework.stereotype.Controller"));
        return noClasses()
                .that(controllers)
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.JdbcTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate")
                .orShould()
                .dependOnClassesThat()
                .haveFullyQualifiedName("org.springframework.transaction.support.TransactionTemplate")
                .orShould(beTransactional())
                .because("SQL and transactions belong to the feature's service or repository, not to its web layer");
    }

    /**
     * Only {@code publishers} (fully qualified names) put events on the outbox ({@code EventPublisher}); with the lifecycle class as the
     * only one, every status event follows a transition of the state table and nothing else can emit one.
     */
    public static ArchRule onlyTheseWriteToTheOutbox(String... publishers) {
        Set<String> allowed = Set.of(publishers);
        return noClasses()
                .that(DescribedPredicate.describe(
                        "are not " + allowed,
                        c -> !allowed.contains(c.getName())
                                && !allowed.contains(outermost(c).getName())))
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "EventPublisher.publish",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals(EVENT_PUBLISHER)
                                && call.getName().equals("publish")))
                .because("a service's status events are published by its lifecycle class alone");
    }

    /**
     * The events {@code eventTypes} are made by {@code publishers} alone (records: a constructor call is a
     * publication). Publishers are named by their fully qualified names: most are package-private.
     */
    public static ArchRule onlyThesePublish(Set<String> publishers, Class<?>... eventTypes) {
        Set<String> allowed = publishers;
        Set<String> events = names(eventTypes);
        return noClasses()
                .that(DescribedPredicate.describe(
                        "are not " + allowed,
                        c -> !allowed.contains(outermost(c).getName())
                                && !events.contains(outermost(c).getName())))
                .should()
                .callConstructorWhere(DescribedPredicate.describe(
                        "a constructor of " + events,
                        (JavaConstructorCall call) ->
                                events.contains(call.getTargetOwner().getName())))
                .because("these events are published by " + allowed + " alone");
    }

    /**
     * Classes that make outbound HTTP calls (JDK HttpClient, RestClient, RestTemplate, WebClient, HTTP service
     * interfaces, OpenFeign) live in the named client packages, so what a service calls is found in one place.
     * With no package given, the service makes no outbound call in code at all.
     */
    public static ArchRule outboundHttpClientsLiveIn(String... clientPackages) {
        return noClasses()
                .that(DescribedPredicate.not(resideInAnyPackage(clientPackages)))
                .should()
                .dependOnClassesThat(resideInAnyPackage(HTTP_CLIENT_PACKAGES)
                        // switching Feign on (on the application class) is configuration, not a client
                        .and(DescribedPredicate.not(JavaClass.Predicates.simpleName("EnableFeignClients"))))
                .because("outbound HTTP clients live in their client packages " + Arrays.toString(clientPackages));
    }

    /**
     * For a client of one API whose every feature calls it (web-portal): features may hold and use the
     * {@code RestClient}s they are given, but only {@code clientPackages} build one ({@code RestClient.create},
     * {@code RestClient.builder}, a {@code RestClient.Builder}) or use any other HTTP client API, so where a call goes,
     * with which credentials and timeouts, and how its errors read, is decided in one place.
     */
    public static ArchRule outboundHttpClientsAreBuiltIn(String... clientPackages) {
        String restClient = "org.springframework.web.client.RestClient";
        DescribedPredicate<JavaClass> usingAGivenRestClient = DescribedPredicate.describe(
                "RestClient and its request and response specs",
                c -> c.getName().equals(restClient)
                        || (c.getName().startsWith(restClient + "$")
                                && !c.getName().equals(restClient + "$Builder")));
        return noClasses()
                .that(DescribedPredicate.not(resideInAnyPackage(clientPackages)))
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage(HTTP_CLIENT_PACKAGES).and(DescribedPredicate.not(usingAGivenRestClient)))
                .orShould()
                .callMethodWhere(DescribedPredicate.describe(
                        "RestClient.create or RestClient.builder",
                        (JavaMethodCall call) -> call.getTargetOwner().getName().equals(restClient)
                                && (call.getName().equals("create")
                                        || call.getName().equals("builder"))))
                .because("HTTP clients are built in " + Arrays.toString(clientPackages) + " alone");
    }

    /** Where the event contracts live (egov-contracts): one package per publisher. */
    public static final String CONTRACTS = "vn.egov.contracts";

    /**
     * A service depends only on the event contracts it publishes or consumes ({@code "dossier"}, {@code "payment"},
     * {@code "identity"}: the publishers' packages under {@link #CONTRACTS}), so a contract's consumers are found by
     * reading the services' architecture tests, and a new dependency on another service's events is a visible
     * change to one of them. With none given, the service uses no event contract at all.
     */
    public static ArchRule usesOnlyTheContractsOf(String... publishers) {
        String[] allowed =
                Arrays.stream(publishers).map(p -> CONTRACTS + "." + p + "..").toArray(String[]::new);
        return noClasses()
                .should()
                .dependOnClassesThat(
                        resideInAnyPackage(CONTRACTS + "..").and(DescribedPredicate.not(resideInAnyPackage(allowed))))
                .because("the service publishes or consumes the events of " + Arrays.toString(publishers) + " only");
    }

    /** Satisfied by a class that is @Transactional or has a @Transactional method (used negated, by noClasses()). */
    private static ArchCondition<JavaClass> beTransactional() {
        return new ArchCondition<>("be @Transactional (on the class or a method)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                String transactional = "org.springframework.transaction.annotation.Transactional";
                String jakarta = "jakarta.transaction.Transactional";
                boolean onClass = c.isAnnotatedWith(transactional) || c.isAnnotatedWith(jakarta);
                List<String> methods = c.getMethods().stream()
                        .filter(m -> m.isAnnotatedWith(transactional) || m.isAnnotatedWith(jakarta))
                        .map(m -> m.getFullName())
                        .toList();
                boolean is = onClass || !methods.isEmpty();
                String message = onClass
                        ? c.getName() + " is annotated @Transactional"
                        : is ? methods + " are @Transactional" : c.getName() + " is not @Transactional";
                events.add(new SimpleConditionEvent(c, is, message));
            }
        };
    }

    private static JavaClass outermost(JavaClass c) {
        JavaClass out = c;
        while (out.getEnclosingClass().isPresent()) {
            out = out.getEnclosingClass().get();
        }
        return out;
    }

    private static Set<String> names(Class<?>... types) {
        return Arrays.stream(types).map(Class::getName).collect(Collectors.toSet());
    }
}
