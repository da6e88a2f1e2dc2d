package vn.egov.dossier.forms;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The official forms' settings ({@code egov.dossier.forms.*}).
 *
 * @param publicBaseUrl where citizens reach the portal (the gateway's public address): Mẫu 01's QR code opens
 *     {@code {publicBaseUrl}/tra-cuu?code=…&secret=…}, web-portal's lookup page
 */
@ConfigurationProperties("egov.dossier.forms")
public record FormsProperties(String publicBaseUrl) {

    public FormsProperties {
        publicBaseUrl = publicBaseUrl == null || publicBaseUrl.isBlank()
                ? "http://127.0.0.1:8080"
                : publicBaseUrl.replaceAll("/+$", "");
    }
}
