package vn.egov.dossier.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import vn.egov.commons.crypto.AesGcmSealer;
import vn.egov.dossier.dossier.DossierApi;
import vn.egov.testsupport.RealInfrastructureInitializer;

/**
 * {@code egov.dossier.documents.storage=filesystem}: documents as sealed files in a real temporary directory,
 * written under the real transaction manager of the embedded PostgreSQL (a database of its own).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"egov.test.database=dossier_files", "egov.dossier.documents.storage=filesystem"})
@ContextConfiguration(initializers = RealInfrastructureInitializer.class)
class FilesystemDocumentStorageIT {

    static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("egov-documents-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("egov.dossier.documents.directory", DIRECTORY::toString);
    }

    @AfterAll
    static void removeDirectory() throws IOException {
        try (Stream<Path> all = Files.walk(DIRECTORY)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    DocumentStorage storage;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AesGcmSealer sealer;

    FilesystemDocumentStorage files() {
        assertThat(storage).isInstanceOf(SealedDocumentStorage.class);
        return (FilesystemDocumentStorage) ((SealedDocumentStorage) storage).delegate();
    }

    static List<Path> everyFile() {
        try (Stream<Path> all = Files.walk(DIRECTORY)) {
            return all.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSubmissionsDocumentsAreSealedFilesInShardsAndDownloadAsGiven() throws Exception {
        DossierApi api = new DossierApi(port);
        String token = api.citizen("001090000201", 1);
        HttpResponse<String> submitted = api.submitBirth(token, "Đỗ Minh Tệp");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String code = DossierApi.field(submitted.body(), "code");
        List<UUID> ids = jdbc.sql("""
                select dd.id from dossier_document dd join dossier d on d.id = dd.dossier_id where d.code = ?
                order by dd.file_name""").param(code).query(UUID.class).list();
        assertThat(ids).hasSize(2);
        for (UUID id : ids) {
            Path file = files().pathOf(id);
            assertThat(file)
                    .exists()
                    .hasParent(DIRECTORY.toRealPath().resolve(id.toString().substring(0, 2)));
            byte[] onDisk = Files.readAllBytes(file);
            assertThat(AesGcmSealer.isEnvelope(onDisk)).isTrue();
            assertThat(new String(onDisk, StandardCharsets.ISO_8859_1)).doesNotContain("%PDF", "IHDR");
        }
        // nothing in the database's document table
        assertThat(jdbc.sql("select count(*) from document_content")
                        .query(Long.class)
                        .single())
                .isZero();
        HttpResponse<byte[]> pdf = DossierApi.HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/dossiers/" + code
                                + "/documents/" + ids.get(ids.size() - 1)))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(DossierApi.PDF);
    }

    @Test
    void aCommittedFileStaysAndARolledBackOneIsDeleted() {
        UUID kept = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> storage.store(kept, DossierApi.PDF));
        assertThat(storage.load(kept)).contains(DossierApi.PDF);

        UUID rolledBack = UUID.randomUUID();
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
                    storage.store(rolledBack, DossierApi.PDF);
                    assertThat(files().pathOf(rolledBack)).exists();
                    // the row that should have gone with it fails: the whole transaction rolls back
                    jdbc.sql("insert into document_content (document_id, content) values (?, ?)")
                            .params(rolledBack, new byte[0])
                            .update();
                }))
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(files().pathOf(rolledBack)).doesNotExist();
        assertThat(storage.load(rolledBack)).isEmpty();

        UUID markedOnly = UUID.randomUUID();
        transactions.executeWithoutResult(tx -> {
            storage.store(markedOnly, DossierApi.PNG);
            tx.setRollbackOnly();
        });
        assertThat(storage.load(markedOnly)).isEmpty();
        assertThat(storage.load(kept)).contains(DossierApi.PDF);
        // no temporary file left behind by any of it
        assertThat(everyFile()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }

    @Test
    void aMissingFileLoadsAsEmptyAndAnIdIsNeverOverwritten() {
        assertThat(storage.load(UUID.randomUUID())).isEmpty();
        UUID id = UUID.randomUUID();
        storage.store(id, DossierApi.PDF);
        assertThatThrownBy(() -> storage.store(id, DossierApi.PNG)).isInstanceOf(UncheckedIOException.class);
        assertThat(storage.load(id)).contains(DossierApi.PDF);
    }

    @Test
    void aReaderNeverSeesAHalfWrittenFile() throws Exception {
        byte[] big = new byte[4 * 1024 * 1024];
        new java.util.Random(7).nextBytes(big);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(UUID.randomUUID());
        }
        long expected = sealer.sealEnvelope(big, "size only").length;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> partial = new java.util.concurrent.CopyOnWriteArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (writing.get()) {
                for (UUID id : ids) {
                    Path file = files().pathOf(id);
                    try {
                        long size = Files.size(file);
                        if (size < expected) {
                            partial.add(size);
                        }
                    } catch (IOException absentStill) {
                        // not there yet
                    }
                }
            }
        });
        try {
            for (UUID id : ids) {
                storage.store(id, big);
            }
        } finally {
            writing.set(false);
        }
        reader.get();
        assertThat(partial).as("sizes seen below the full file").isEmpty();
        for (UUID id : ids) {
            assertThat(storage.load(id)).hasValueSatisfying(b -> assertThat(b).isEqualTo(big));
        }
    }
}
