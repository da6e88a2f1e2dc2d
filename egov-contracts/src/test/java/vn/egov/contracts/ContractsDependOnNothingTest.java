package vn.egov.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The contracts are what every service shares, so they stay a plain library: the JDK and Jackson's
 * annotations, nothing else (no Spring, no Jackson databind, no egov-commons, no service's types). A service
 * that depends on them takes nothing else along, and a contract cannot grow behaviour that needs a framework.
 */
class ContractsDependOnNothingTest {

    static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.egov.contracts");

    @Test
    void contractsDependOnTheJdkAndJacksonAnnotationsOnly() {
        assertThat(CONTRACTS).as("the contracts were found on the class path").hasSizeGreaterThan(10);
        classes()
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.fasterxml.jackson.annotation..", "vn.egov.contracts..")
                .because("contracts are a plain module: the JDK and annotation-only dependencies (issue 13)")
                .check(CONTRACTS);
    }

    @Test
    void contractsAreRecordsOrEnums() {
        classes()
                .that()
                .areTopLevelClasses()
                .and()
                .doNotHaveSimpleName("package-info")
                .should()
                .beRecords()
                .orShould()
                .beEnums()
                .because("a contract is data: a record per event shape, an enum for a closed set of wire values")
                .check(CONTRACTS);
    }
}
