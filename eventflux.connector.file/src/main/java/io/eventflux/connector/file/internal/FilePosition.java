package io.eventflux.connector.file.internal;

import java.io.Serializable;

/**
 * Where a file source stands: the snapshot it restores from. Immutable, so the reader thread publishes a
 * new one after every line and a snapshot on another thread always sees a consistent triple.
 *
 * @param file the identity of the file being read (which may since have been renamed by rotation)
 * @param offset the byte offset just after the last line handed over
 * @param line the number of that line (1-based), 0 when none was
 * @param header the file's first line when it is a CSV header ({@code csv.has-header}), else null
 */
record FilePosition(FileIdentity file, long offset, long line, String header) implements Serializable {
}
