package vn.egov.notification.events;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code egov.notification.portal-url}. Binds the shared prefix, so it reads only this key of it.
 *
 * @param portalUrl base of the links in messages ({@code <portalUrl>/dossiers/<code>})
 */
@ConfigurationProperties("egov.notification")
record PortalProperties(
        @DefaultValue("http://127.0.0.1:8080") String portalUrl) {}
