package vn.egov.commons.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.security.*}.
 *
 * @param publicPaths requests answered without a token, as {@code "GET /api/v1/procedures/**"} or a
 *     bare pattern for every method; health, metrics and API docs are always public
 * @param checkedSecrets property names that hold secrets: in the {@code prod} profile each must be
 *     set and must not be a known development value, or the service refuses to start
 */
@ConfigurationProperties("egov.security")
public record SecurityProperties(
        @DefaultValue List<String> publicPaths,
        @DefaultValue List<String> checkedSecrets) {}
