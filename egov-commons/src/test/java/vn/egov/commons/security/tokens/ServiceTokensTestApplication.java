package vn.egov.commons.security.tokens;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A resource-server service that also declares OAuth2 client registrations for its own tokens. */
@SpringBootApplication
public class ServiceTokensTestApplication {}
