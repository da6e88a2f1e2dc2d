package vn.egov.dossier.dossier;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Upload limits of a dossier (rule values: configuration, not code). */
@ConfigurationProperties("egov.dossier.documents")
record DossierProperties(DataSize maxFileSize, DataSize maxDossierSize) {

    DossierProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxDossierSize = maxDossierSize == null ? DataSize.ofMegabytes(25) : maxDossierSize;
    }
}
