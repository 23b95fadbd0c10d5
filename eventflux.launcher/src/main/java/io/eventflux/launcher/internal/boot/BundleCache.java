package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The embedded bundles, extracted once into a folder shared by every process that runs the same jar,
 * so that the framework installs them by reference ({@code reference:file:...}) instead of copying 20 MB
 * into a fresh framework cache at every start.
 *
 * <p>The folder is named by the jar's content (a CRC of the embedded bundles' names, sizes and CRCs and of
 * launcher.properties, read from the jar's central directory), so a rebuilt jar gets a new folder and
 * two copies of the same jar share one. It is extracted into a temporary folder and renamed into place
 * (an atomic rename: of two processes extracting at once, one wins and the other uses its folder), and
 * checked at every start (a marker written last and every bundle's size). A process holds a shared lock on
 * {@code KEY.lock} while it runs; folders of other jars that are not locked and unused for
 * {@link #UNUSED} are removed.
 */
final class BundleCache implements AutoCloseable {
    static final Duration UNUSED = Duration.ofMinutes(10);
    private static final String MARKER = ".complete";

    private final Path jar;
    private final Path base;
    private final List<String> paths;
    private final BootTrace trace;
    private FileChannel lockChannel;

    BundleCache(Path jar, Path base, List<String> paths, BootTrace trace) {
        this.jar = jar;
        this.base = base;
        this.paths = paths;
        this.trace = trace;
    }

    /**
     * The folder with the bundles, extracted if needed, as a map from each path inside the jar to its file.
     *
     * @throws IOException when the folder cannot be created, read or written
     */
    Map<String, Path> prepare() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<ZipEntry> entries = new ArrayList<>();
            CRC32 key = new CRC32();
            for (String path : paths) {
                ZipEntry entry = zip.getEntry(path);
                if (entry == null) {
                    throw new NoSuchFileException(jar + "!/" + path);
                }
                entries.add(entry);
                update(key, entry);
            }
            ZipEntry props = zip.getEntry(LaunchProperties.RESOURCE);
            if (props != null) {
                update(key, props);
            }
            // not String.format: its first use costs ~10 ms of CPU (Formatter and its regular expression)
            String hex = Long.toHexString(key.getValue());
            String name = "0".repeat(8 - hex.length()) + hex + "-" + entries.size();
            Files.createDirectories(base);
            lock(base.resolve(name + ".lock"));
            Path dir = base.resolve(name);
            if (!valid(dir, entries)) {
                extract(zip, entries, dir);
                trace.mark("bundles extracted to " + dir);
            }
            touch(dir.resolve(MARKER));
            removeUnused(name);
            Map<String, Path> files = new LinkedHashMap<>();
            for (String path : paths) {
                files.put(path, dir.resolve(fileName(path)));
            }
            return files;
        }
    }

    private static void update(CRC32 key, ZipEntry entry) {
        key.update(entry.getName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        key.update(Long.toString(entry.getSize()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        key.update(Long.toString(entry.getCrc()).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    /** A shared lock for the life of this process: the folder is in use. */
    private void lock(Path lockFile) throws IOException {
        lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            lockChannel.lock(0, Long.MAX_VALUE, true);
        } catch (OverlappingFileLockException e) {
            // this JVM holds it already
        }
    }

    /** Releases the lock: the process no longer uses the folder (the end of the process does the same). */
    @Override
    public void close() {
        try {
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // released with the process anyway
        }
    }

    private static boolean valid(Path dir, List<ZipEntry> entries) {
        if (!Files.isRegularFile(dir.resolve(MARKER))) {
            return false;
        }
        try {
            for (ZipEntry entry : entries) {
                if (Files.size(dir.resolve(fileName(entry.getName()))) != entry.getSize()) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void extract(ZipFile zip, List<ZipEntry> entries, Path dir) throws IOException {
        Path tmp = Files.createTempDirectory(base, "extract-");
        try {
            for (ZipEntry entry : entries) {
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, tmp.resolve(fileName(entry.getName())));
                }
            }
            Files.writeString(tmp.resolve(MARKER), jar.toString());
            if (moveIntoPlace(tmp, dir, entries)) {
                return;
            }
            // the folder there is damaged (a bundle deleted by hand): set aside, then replaced
            Path old = Files.createTempDirectory(base, "old-");
            try {
                Files.move(dir, old.resolve("d"), StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException e) {
                // another process set it aside first
            }
            deleteTree(old);
            if (!moveIntoPlace(tmp, dir, entries)) {
                throw new IOException("cannot put the extracted bundles into " + dir);
            }
        } finally {
            deleteTree(tmp);
        }
    }

    /**
     * Renames the extracted folder into place; true when it is there, or when another process put a complete
     * folder there first (the same jar extracted at the same time: as good as ours).
     */
    private static boolean moveIntoPlace(Path tmp, Path dir, List<ZipEntry> entries) {
        try {
            Files.move(tmp, dir, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            return valid(dir, entries);
        }
    }

    private static void touch(Path marker) {
        try {
            FileTime modified = Files.getLastModifiedTime(marker);
            if (modified.toInstant().isBefore(Instant.now().minus(UNUSED.dividedBy(2)))) {
                Files.setLastModifiedTime(marker, FileTime.from(Instant.now()));
            }
        } catch (IOException e) {
            // only the clean-up's age check reads it
        }
    }

    /** Removes the folders of other jars that no process holds and that were not used lately. */
    private void removeUnused(String current) {
        try (Stream<Path> children = Files.list(base)) {
            for (Path child : children.toList()) {
                String name = child.getFileName().toString();
                if (name.equals(current) || name.startsWith(current + ".") || !Files.isDirectory(child)
                        || name.startsWith("run-")) {
                    continue;
                }
                boolean leftover = name.startsWith("extract-") || name.startsWith("old-");
                Path marker = leftover ? child : child.resolve(MARKER);
                if (recent(marker)) {
                    continue;
                }
                if (leftover) {
                    deleteTree(child);
                    continue;
                }
                Path lockFile = base.resolve(name + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
                    if (lock != null) {
                        deleteTree(child);
                        Files.deleteIfExists(lockFile);
                    }
                } catch (IOException | OverlappingFileLockException e) {
                    // in use or not ours to remove: left alone
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // clean-up is best effort
        }
    }

    private static boolean recent(Path file) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isAfter(Instant.now().minus(UNUSED));
        } catch (IOException e) {
            return false;
        }
    }

    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // best effort
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // best effort
        }
    }
}
