package vn.egov.dossier;

import vn.egov.testsupport.architecture.ModularityTests;

/**
 * Each direct subpackage of {@code vn.egov.dossier} is a module: {@link ModularityTests} verifies their boundaries
 * (no cycles, no reaching into another module's subpackages) and writes the module documentation to
 * {@code target/spring-modulith-docs}.
 */
class ModularityTest implements ModularityTests {

    @Override
    public Class<?> application() {
        return DossierServiceApplication.class;
    }
}
