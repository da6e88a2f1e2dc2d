package vn.egov.dossier;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;
import vn.egov.commons.events.EventPublisher;
import vn.egov.dossier.dossier.DossierLifecycle;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The house rules of dossier-service as tests (ArchUnit, on the production classes only).
 */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("vn.egov.dossier");
    }

    /** Controllers translate HTTP; SQL and transactions live in services and repositories. */
    @Test
    void controllersRunNoSql() {
        ArchRule rule = noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(TransactionTemplate.class)
                .because("controllers run no SQL and open no transaction");
        rule.check(classes);
    }

    @Test
    void controllersHoldNoTransaction() {
        noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
                .should().beAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
                .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
                .check(classes);
        methods().that().areDeclaredInClassesThat().areAnnotatedWith(RestController.class)
                .should().notBeAnnotatedWith(org.springframework.transaction.annotation.Transactional.class)
                .andShould().notBeAnnotatedWith("jakarta.transaction.Transactional")
                .allowEmptyShould(true)
                .check(classes);
    }

    /**
     * A dossier's status events (topic egov.dossier.events) are written to the outbox by the lifecycle only, in the
     * transaction of the status change, so no status changes without its event and no event without its change.
     */
    @Test
    void onlyTheLifecyclePublishesDossierEvents() {
        noClasses().that().doNotHaveFullyQualifiedName(DossierLifecycle.class.getName())
                .should().dependOnClassesThat().areAssignableTo(EventPublisher.class)
                .because("only DossierLifecycle writes dossier status events to the outbox")
                .check(classes);
    }

    /** Calls to other services go through their client packages (tokens, timeouts and breakers in one place). */
    @Test
    void outboundHttpClientsLiveInTheirClientPackages() {
        noClasses().that().resideOutsideOfPackages("vn.egov.dossier.payment..", "vn.egov.dossier.identity..")
                .and().doNotHaveFullyQualifiedName(DossierServiceApplication.class.getName())
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework.web.client..", "org.springframework.web.service..",
                        "org.springframework.cloud.openfeign..", "org.springframework.web.reactive.function.client..",
                        "java.net.http..", "feign..")
                .because("outbound HTTP clients live in the payment and identity client packages")
                .check(classes);
    }
}
