package io.eventflux.connector.file.internal;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

/**
 * Which file this is, independent of its name, so a source notices that the path now names another file
 * (rotation) and finds a rotated file again after a restart: the file key (device and inode on Unix)
 * where the file system has one, else the creation time.
 *
 * @param key the file key, or {@code created:<epoch ms>}
 */
record FileIdentity(String key) implements Serializable {
    /** The identity of the file {@code file} names now, or null when there is none. */
    static FileIdentity at(Path file) throws IOException {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return new FileIdentity(key != null ? key.toString() : "created:" + attributes.creationTime().toMillis());
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** The regular file in {@code dir} that has this identity (a rotated file under its new name), or null. */
    Path findIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).filter(this::is).findFirst().orElse(null);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private boolean is(Path file) {
        try {
            return equals(at(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
