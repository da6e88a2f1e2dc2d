package vn.egov.commons.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.security.*}.
 *
 * @param publicPaths requests answered without a token, as {@code "GET /api/v1/procedures/**"} or a
 *     bare pattern for every method; health, metrics and API docs are always public
 * @param checkedSecrets property names that hold shared secrets (passwords, client secrets, API keys)
 * @param checkedKeys property names that hold encryption or HMAC keys (base64 of 32 random bytes); both
 *     lists are read by egov-production-guard's {@code ProductionGuard}, which refuses to start outside the
 *     {@code local} and {@code test} profiles when one is missing, a development value or breaks its rule
 */
@ConfigurationProperties("egov.security")
public record SecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> checkedSecrets,
        @DefaultValue List<String> checkedKeys) {}
