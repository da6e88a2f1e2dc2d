package vn.egov.commons.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code maxBodySize}: the largest body of a request that is not multipart (see {@link RequestBodyLimitFilter}).
 */
@ConfigurationProperties("egov.web")
public record WebProperties(@DefaultValue("2MB") DataSize maxBodySize) {}
