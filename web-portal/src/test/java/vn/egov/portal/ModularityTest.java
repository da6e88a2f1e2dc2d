package vn.egov.portal;

import vn.egov.testsupport.architecture.ModularityTests;

/**
 * Each direct subpackage of {@code vn.egov.portal} is a module (a group of pages, or the plumbing of {@code api},
 * {@code signin} and {@code web}): {@link ModularityTests} verifies their boundaries and writes the module
 * documentation to {@code target/spring-modulith-docs}.
 */
class ModularityTest implements ModularityTests {

    @Override
    public Class<?> application() {
        return PortalApplication.class;
    }
}
