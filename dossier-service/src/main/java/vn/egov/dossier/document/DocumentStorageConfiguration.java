package vn.egov.dossier.document;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.egov.commons.crypto.AesGcmSealer;

/**
 * The one {@link DocumentStorage}: the configured store
 * ({@code egov.dossier.documents.storage}) behind {@link SealedDocumentStorage}, so no store ever holds
 * a document in clear.
 */
@Configuration(proxyBeanMethods = false)
class DocumentStorageConfiguration {

    @Bean
    DocumentStorage documentStorage(DossierProperties properties, JdbcClient jdbc, AesGcmSealer dossierDataSealer) {
        DocumentStorage store = switch (properties.storage()) {
            case POSTGRES -> new PostgresDocumentStorage(jdbc);
            case FILESYSTEM ->
                new FilesystemDocumentStorage(properties
                        .directoryPath()
                        .orElseThrow(() -> new IllegalStateException(
                                "egov.dossier.documents.directory (DOSSIER_DOCUMENT_DIRECTORY) is required "
                                        + "when egov.dossier.documents.storage is filesystem")));
        };
        return new SealedDocumentStorage(store, dossierDataSealer);
    }
}
