package vn.egov.identity;

import static vn.egov.testsupport.architecture.ArchitectureRules.controllersUseNeitherJdbcClientNorTransactions;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyThesePublish;
import static vn.egov.testsupport.architecture.ArchitectureRules.onlyTheseWriteToTheOutbox;
import static vn.egov.testsupport.architecture.ArchitectureRules.outboundHttpClientsLiveIn;
import static vn.egov.testsupport.architecture.ArchitectureRules.productionClassesOf;
import static vn.egov.testsupport.architecture.ArchitectureRules.usesOnlyTheContractsOf;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.egov.contracts.identity.BusinessLinkedV1;
import vn.egov.contracts.identity.CitizenRegisteredV1;
import vn.egov.contracts.identity.CitizenVerifiedV1;
import vn.egov.contracts.identity.ContactChangedV1;
import vn.egov.contracts.identity.ContactVerificationRequestedV1;
import vn.egov.contracts.identity.OfficerCreatedV1;

/** The rules of vn.egov.testsupport.architecture.ArchitectureRules, applied to identity-service. */
class ArchitectureTest {

    static final JavaClasses CLASSES = productionClassesOf(IdentityServiceApplication.class);

    static final String REGISTRATION = "vn.egov.identity.registration.RegistrationService";
    static final String ASSURANCE = "vn.egov.identity.assurance.IdentityAssuranceService";
    static final String BUSINESS = "vn.egov.identity.business.BusinessService";
    static final String CONTACT = "vn.egov.identity.contact.ContactChangeService";
    static final String OFFICER = "vn.egov.identity.officer.OfficerService";
    static final String AGENCIES = "vn.egov.identity.agency.Agencies";
    static final String RECOVERY = "vn.egov.identity.recovery.NationalIdRecoveryService";

    @Test
    void controllersUseNeitherJdbcClientNorTransactions_() {
        controllersUseNeitherJdbcClientNorTransactions().check(CLASSES);
    }

    /**
     * identity-service has no state table but the agency registry's; each change of a person's standing has one class that makes it and
     * publishes its event: the level of assurance (CitizenVerifiedV1) by IdentityAssuranceService alone, and so on.
     */
    @Test
    void eachEventIsPublishedByTheServiceThatMakesTheChange() {
        onlyTheseWriteToTheOutbox(REGISTRATION, ASSURANCE, BUSINESS, CONTACT, OFFICER, AGENCIES, RECOVERY)
                .check(CLASSES);
        onlyThesePublish(Set.of(ASSURANCE), CitizenVerifiedV1.class).check(CLASSES);
        onlyThesePublish(
                        Set.of(REGISTRATION),
                        CitizenRegisteredV1.class,
                        vn.egov.contracts.identity.CitizenRegisteredV2.class,
                        vn.egov.contracts.identity.RegistrationRefusedV1.class,
                        vn.egov.contracts.identity.RegistrationRefusedV2.class)
                .check(CLASSES);
        onlyThesePublish(Set.of(BUSINESS), BusinessLinkedV1.class).check(CLASSES);
        onlyThesePublish(
                        Set.of(CONTACT),
                        ContactChangedV1.class,
                        vn.egov.contracts.identity.ContactChangedV2.class,
                        ContactVerificationRequestedV1.class,
                        vn.egov.contracts.identity.ContactVerificationRequestedV2.class)
                .check(CLASSES);
        onlyThesePublish(Set.of(OFFICER), OfficerCreatedV1.class, vn.egov.contracts.identity.OfficerCreatedV2.class)
                .check(CLASSES);
        // a CCCD recovered from a squatter's account (decision 63)
        onlyThesePublish(Set.of(RECOVERY), vn.egov.contracts.identity.NationalIdRecoveredV1.class)
                .check(CLASSES);
        // the agency registry's changes (decision 60)
        onlyThesePublish(Set.of(AGENCIES), vn.egov.contracts.identity.AgencyChangedV1.class)
                .check(CLASSES);
    }

    /**
     * The v1 events that carried a one-time code, names or contact details in clear are no longer made here: their v2
     * seal those fields (issue 16, decision 62). notification-service still reads v1.
     */
    @Test
    void noEventWithContactDetailsInClearIsPublished() {
        onlyThesePublish(
                        Set.of(),
                        CitizenRegisteredV1.class,
                        ContactChangedV1.class,
                        ContactVerificationRequestedV1.class,
                        OfficerCreatedV1.class,
                        vn.egov.contracts.identity.RegistrationRefusedV1.class)
                .check(CLASSES);
    }

    /**
     * Keycloak's admin API, the national population registry, the business registry and the national identity (the
     * recovery's own client, decision 63) are the outbound calls.
     */
    @Test
    void outboundHttpClientsLiveInTheirClientPackages() {
        outboundHttpClientsLiveIn(
                        "vn.egov.identity.keycloak..",
                        "vn.egov.identity.assurance..",
                        "vn.egov.identity.businessregistry..",
                        "vn.egov.identity.recovery..")
                .check(CLASSES);
    }

    /** identity-service publishes identity events and consumes none. */
    @Test
    void usesOnlyTheContractsItPublishesOrConsumes() {
        usesOnlyTheContractsOf("identity").check(CLASSES);
    }
}
