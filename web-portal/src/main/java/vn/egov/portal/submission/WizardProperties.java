package vn.egov.portal.submission;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code egov.portal.wizard.*}. The size limits are dossier-service's ({@code egov.dossier.documents.*}: the API
 * does not publish them), repeated here so that the page can say them and refuse a file before it travels on; the
 * API checks again.
 *
 * @param maxFileSize one document (dossier-service: {@code max-file-size})
 * @param maxDossierSize all the uploaded documents of a dossier together ({@code max-dossier-size})
 * @param draftsPerSession wizards a session keeps open at once (the oldest is dropped with its files)
 * @param draftFileLifetime an uploaded file not yet submitted is deleted after this long
 */
@ConfigurationProperties("egov.portal.wizard")
public record WizardProperties(
        @DefaultValue("10MB") DataSize maxFileSize,
        @DefaultValue("25MB") DataSize maxDossierSize,
        @DefaultValue("3") int draftsPerSession,
        @DefaultValue("24h") Duration draftFileLifetime) {}
