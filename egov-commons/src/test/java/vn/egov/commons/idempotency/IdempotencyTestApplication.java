package vn.egov.commons.idempotency;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with a database and nothing else of its own: egov-commons' auto-configuration gives it {@link IdempotentRequests}. */
@SpringBootApplication
public class IdempotencyTestApplication {}
