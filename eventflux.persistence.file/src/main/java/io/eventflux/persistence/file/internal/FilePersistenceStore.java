package io.eventflux.persistence.file.internal;

import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.RevisionChain;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Revisions as files {@code <dir>/<app>/<revision>.snap}: a header (magic, format version, payload length,
 * CRC32 of the payload) then the payload. A save writes a temporary file, syncs it, renames it atomically
 * over the final name and syncs the folder, so a crash leaves either the old set of revisions or the new
 * one, never a torn file under a revision's name. Revisions sort by name (the engine names them so).
 */
final class FilePersistenceStore implements PersistenceStore {
    static final int MAGIC = 0x45465053; // "EFPS"
    static final int VERSION = 1;
    static final String SUFFIX = ".snap";
    private static final int HEADER = 4 + 4 + 4 + 8;
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]+");

    private final Path dir;
    private final int keep;

    FilePersistenceStore(Path dir, int keep) {
        this.dir = dir;
        this.keep = keep;
    }

    /** The app's folder: its name URL-encoded, so any app name is a safe single path element. */
    Path appDir(String app) {
        String enc = URLEncoder.encode(app, StandardCharsets.UTF_8);
        if (enc.equals(".") || enc.equals("..")) {
            enc = enc.replace(".", "%2E");
        }
        return dir.resolve(enc);
    }

    Path file(String app, String revision) {
        if (!REVISION.matcher(revision).matches() || revision.startsWith(".")) {
            throw new IllegalArgumentException("persistence store 'file': revision '" + revision
                    + "' must be letters, digits, '.', '_' or '-'");
        }
        return appDir(app).resolve(revision + SUFFIX);
    }

    @Override
    public void save(String app, String revision, byte[] snapshot) throws IOException {
        Path target = file(app, revision);
        Path folder = target.getParent();
        Files.createDirectories(folder);
        Path tmp = folder.resolve("." + revision + SUFFIX + ".tmp");
        CRC32 crc = new CRC32();
        crc.update(snapshot);
        ByteBuffer header = ByteBuffer.allocate(HEADER).putInt(MAGIC).putInt(VERSION).putInt(snapshot.length)
                .putLong(crc.getValue()).flip();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE)) {
            ByteBuffer body = ByteBuffer.wrap(snapshot);
            while (header.hasRemaining() || body.hasRemaining()) {
                ch.write(new ByteBuffer[] {header, body});
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(tmp);
            throw new IOException("persistence store 'file': " + folder + " does not support atomic renames", e);
        }
        syncFolder(folder);
        prune(app);
    }

    /** Makes the rename durable; some platforms cannot open a folder, and then the rename is as durable as it gets. */
    private static void syncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort (Windows cannot open a directory)
        }
    }

    /** Keeps the last {@code keep} revisions and every revision they depend on (incremental ones). */
    private void prune(String app) throws IOException {
        for (String r : RevisionChain.removable(revisions(app), keep)) {
            Files.deleteIfExists(file(app, r));
        }
    }

    /** @throws IOException naming the file when it is truncated, not a snapshot, or its checksum fails */
    @Override
    public Optional<byte[]> load(String app, String revision) throws IOException {
        Path f = file(app, revision);
        byte[] payload;
        long expected;
        try (InputStream raw = Files.newInputStream(f); DataInputStream in = new DataInputStream(raw)) {
            int magic = in.readInt();
            if (magic != MAGIC) {
                throw new IOException("snapshot file " + f + " is not an EventFlux snapshot (bad magic number)");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw new IOException("snapshot file " + f + " has format version " + version + "; this store reads "
                        + VERSION);
            }
            int length = in.readInt();
            expected = in.readLong();
            if (length < 0) {
                throw new IOException("snapshot file " + f + " is corrupt (negative length)");
            }
            payload = in.readNBytes(length);
            if (payload.length != length) {
                throw new IOException("snapshot file " + f + " is truncated: " + payload.length + " of " + length
                        + " bytes");
            }
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (EOFException e) {
            throw new IOException("snapshot file " + f + " is truncated (incomplete header)", e);
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (crc.getValue() != expected) {
            throw new IOException("snapshot file " + f + " is corrupt: its CRC32 checksum does not match");
        }
        return Optional.of(payload);
    }

    @Override
    public Optional<String> lastRevision(String app) throws IOException {
        List<String> all = revisions(app);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<String> revisions(String app) throws IOException {
        Path folder = appDir(app);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX) && !n.startsWith("."))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .forEach(out::add);
        }
        return out;
    }

    @Override
    public void clear(String app) throws IOException {
        Path folder = appDir(app);
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.toList()) {
                Files.deleteIfExists(p);
            }
        }
        Files.deleteIfExists(folder);
    }
}
