package vn.egov.identity;

import vn.egov.testsupport.architecture.ModularityTests;

/**
 * Each direct subpackage of {@code vn.egov.identity} is a module: {@link ModularityTests} verifies their boundaries and
 * writes the module documentation to {@code target/spring-modulith-docs}.
 */
class ModularityTest implements ModularityTests {

    @Override
    public Class<?> application() {
        return IdentityServiceApplication.class;
    }
}
