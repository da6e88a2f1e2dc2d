package vn.egov.dossier.procedure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import vn.egov.commons.web.ApiProblem;

/**
 * The catalogue shipped with a release (decision 55): when {@code egov.dossier.catalogue.seed-location} names a
 * location with {@code procedures.csv}, {@code documents.csv}, {@code offerings.csv}, {@code channels.csv} and {@code cases.csv}, they are loaded through the
 * catalogue import, with all its checks, as the catalogue's first version — once, by whichever instance comes first.
 * The import asks identity-service's agency registry: while it does not answer, the seed tries again every
 * {@code seed-retry}. Files the import refuses are a broken release: said loudly in the log, not tried again.
 */
@Component
class CatalogueSeed {

    private static final Logger log = LoggerFactory.getLogger(CatalogueSeed.class);

    static final String SEEDED_BY = "system:catalogue-seed";

    private final CatalogueImport imports;
    private final ResourceLoader resources;
    private final String location;
    private volatile boolean done;

    CatalogueSeed(
            CatalogueImport imports,
            ResourceLoader resources,
            @Value("${egov.dossier.catalogue.seed-location:}") String location) {
        this.imports = imports;
        this.resources = resources;
        this.location = location == null ? "" : location.strip();
        this.done = this.location.isEmpty();
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${egov.dossier.catalogue.seed-retry:30s}")
    void seed() {
        if (done) {
            return;
        }
        try {
            CatalogueImport.Files files = new CatalogueImport.Files(
                    read("procedures.csv"),
                    read("documents.csv"),
                    read("offerings.csv"),
                    read("channels.csv"),
                    read("cases.csv"));
            imports.loadFirst(SEEDED_BY, "Danh mục kèm theo bản phát hành", files)
                    .ifPresentOrElse(
                            r -> log.info(
                                    "Catalogue seeded from {}: version {}, {} procedures, {} offerings",
                                    location,
                                    r.version(),
                                    r.procedures(),
                                    r.offerings()),
                            () -> log.info("Catalogue already has a version: the seed at {} is not loaded", location));
            done = true;
        } catch (ApiProblem problem) {
            if (problem.status().is5xxServerError()) {
                log.warn("Catalogue seed waits for the agency registry ({}); trying again", problem.code());
                return;
            }
            done = true;
            log.error(
                    "Catalogue seed at {} refused ({}): {} errors, first {}",
                    location,
                    problem.code(),
                    problem.fieldErrors().size(),
                    problem.fieldErrors().isEmpty()
                            ? "-"
                            : problem.fieldErrors().get(0).field());
        }
    }

    private String read(String name) {
        Resource resource = resources.getResource(location.endsWith("/") ? location + name : location + "/" + name);
        if (!resource.exists()) {
            return null;
        }
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
