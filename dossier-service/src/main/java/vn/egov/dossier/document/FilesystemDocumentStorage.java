package vn.egov.dossier.document;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Documents as files under one directory, sharded by the first two hex characters of the id
 * ({@code <root>/3f/3f2a…-…}). A file is written to a temporary file in its shard, forced to disk, then
 * moved into place atomically: a reader sees the whole file or none. When the database transaction that
 * stored it rolls back, the file is deleted, so a dossier and its files still commit or vanish together
 * (a crash between the move and the commit can leave an orphan file that no row points at; temporary
 * files {@code .*.tmp} left by a crash mid-write are never read and can be deleted).
 *
 * <p>What lands here is what {@link SealedDocumentStorage} gives it: sealed bytes, never the clear file.
 */
final class FilesystemDocumentStorage implements DocumentStorage {

    private static final Logger log = LoggerFactory.getLogger(FilesystemDocumentStorage.class);

    private final Path root;

    FilesystemDocumentStorage(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the document directory " + this.root, e);
        }
        if (!Files.isDirectory(this.root) || !Files.isWritable(this.root)) {
            throw new IllegalStateException("the document directory " + this.root + " is not a writable directory");
        }
    }

    Path pathOf(UUID documentId) {
        String name = documentId.toString();
        return root.resolve(name.substring(0, 2)).resolve(name);
    }

    @Override
    public void store(UUID documentId, byte[] content) {
        Path target = pathOf(documentId);
        Path shard = target.getParent();
        Path temp = null;
        try {
            Files.createDirectories(shard);
            if (Files.exists(target)) {
                // ids are random: a second store under the same id is a bug, and a rollback would delete the first file
                throw new FileAlreadyExistsException(target.toString());
            }
            temp = Files.createTempFile(shard, "." + documentId + "-", ".tmp");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            temp = null;
            forceDirectory(shard);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + documentId, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    // STATUS_UNKNOWN: the commit may have happened; keeping an orphan beats losing a document
                    if (status == STATUS_ROLLED_BACK) {
                        deleteQuietly(target);
                    }
                }
            });
        }
    }

    @Override
    public Optional<byte[]> load(UUID documentId) {
        try {
            return Optional.of(Files.readAllBytes(pathOf(documentId)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + documentId, e);
        }
    }

    private static void forceDirectory(Path directory) {
        // makes the rename durable on Linux; not every platform can open a directory, which is fine
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("could not sync directory {}", directory);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file.getFileName(), e.toString());
        }
    }
}
