package io.eventflux.connector.file.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** Option checks shared by the source and the sink. */
final class FileOptions {
    static final String PATH = "file.path";

    private FileOptions() {
    }

    /** {@code file.path}, required, as an absolute path (relative to the working directory). */
    static Path path(ConnectorSpec spec) {
        String value = spec.require(PATH);
        try {
            return Path.of(value.trim()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + PATH
                    + "' is not a valid path: '" + value + "' (" + e.getReason() + ")");
        }
    }

    /** {@code value} when positive. @throws IllegalArgumentException naming the option otherwise */
    static long positive(ConnectorSpec spec, String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be positive, was '" + spec.option(key, "") + "'");
        }
        return value;
    }

    /** {@code value} when zero or positive (zero: off). @throws IllegalArgumentException otherwise */
    static long notNegative(ConnectorSpec spec, String key, long value) {
        if (value < 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key
                    + "' must be 0 (off) or positive, was '" + spec.option(key, "") + "'");
        }
        return value;
    }
}
