package vn.egov.dossier.clock;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code egov.dossier.test-clock.*}: a clock that whole-platform tests may move (see
 * {@link TestClockController}). Never in production: the service refuses to start with it in the
 * {@code prod} profile.
 */
@ConfigurationProperties("egov.dossier.test-clock")
record TestClockProperties(boolean enabled) {}
