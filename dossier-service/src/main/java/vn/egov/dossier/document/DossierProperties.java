package vn.egov.dossier.document;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code egov.dossier.documents.*}: upload limits of a dossier (rule values: configuration, not code) and
 * where document bytes live.
 *
 * @param storage   {@code postgres} (the default: bytea in this service's database) or {@code filesystem}
 * @param directory the root directory of the filesystem storage; required with it, ignored otherwise
 */
@ConfigurationProperties("egov.dossier.documents")
public record DossierProperties(DataSize maxFileSize, DataSize maxDossierSize, Storage storage, String directory) {

    public enum Storage {
        POSTGRES,
        FILESYSTEM
    }

    public DossierProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(10) : maxFileSize;
        maxDossierSize = maxDossierSize == null ? DataSize.ofMegabytes(25) : maxDossierSize;
        storage = storage == null ? Storage.POSTGRES : storage;
    }

    public Optional<Path> directoryPath() {
        return directory == null || directory.isBlank() ? Optional.empty() : Optional.of(Path.of(directory.strip()));
    }
}
