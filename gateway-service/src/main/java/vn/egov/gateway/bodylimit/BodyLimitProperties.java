package vn.egov.gateway.bodylimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** Request body limit for routes that do not set {@code max-body-size} in their metadata. */
@ConfigurationProperties("egov.gateway.body-limit")
record BodyLimitProperties(@DefaultValue("1MB") DataSize defaultMaxSize) {}
