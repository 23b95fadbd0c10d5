package io.eventflux.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The table that holds the snapshots: its name (checked: it is SQL text, not a bind parameter) and the
 * statements on it, with the binary column type of the database at hand.
 *
 * <pre>
 * app VARCHAR(255), revision VARCHAR(64), saved_at BIGINT (epoch millis), payload_size INT,
 * payload_crc32 BIGINT, payload BYTEA | LONGBLOB | BLOB, PRIMARY KEY (app, revision)
 * </pre>
 */
final class SnapshotTable {
    static final int MAX_APP = 255;
    static final int MAX_REVISION = 64;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

    private final String name;

    /** @throws IllegalArgumentException when the name is not a plain (optionally schema-qualified) identifier */
    SnapshotTable(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("persistence store 'jdbc': option 'table' must be an identifier "
                    + "(letters, digits, '_'; optionally schema.table), was '" + name + "'");
        }
        this.name = name;
    }

    String name() {
        return name;
    }

    /** BYTEA on PostgreSQL, LONGBLOB on MariaDB and MySQL (BLOB stops at 64 KB there), BLOB elsewhere. */
    static String binaryType(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (p.contains("postgres")) {
            return "BYTEA";
        }
        if (p.contains("mariadb") || p.contains("mysql")) {
            return "LONGBLOB";
        }
        return "BLOB";
    }

    /**
     * On MariaDB and MySQL, UTF-8 with a binary collation: their default collations compare case-insensitively,
     * which would make apps {@code Shop} and {@code shop} one.
     */
    static String tableOptions(String product) {
        String p = product == null ? "" : product.toLowerCase(Locale.ROOT);
        return p.contains("mariadb") || p.contains("mysql") ? " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin" : "";
    }

    String create(Connection c) throws SQLException {
        return "CREATE TABLE IF NOT EXISTS " + name + " (app VARCHAR(" + MAX_APP + ") NOT NULL, revision VARCHAR("
                + MAX_REVISION + ") NOT NULL, saved_at BIGINT NOT NULL, payload_size INT NOT NULL, "
                + "payload_crc32 BIGINT NOT NULL, payload " + binaryType(c.getMetaData().getDatabaseProductName())
                + " NOT NULL, PRIMARY KEY (app, revision))" + tableOptions(c.getMetaData().getDatabaseProductName());
    }

    /** Fails (naming a missing column) when an existing table has another shape. */
    String probe() {
        return "SELECT app, revision, saved_at, payload_size, payload_crc32, payload FROM " + name + " WHERE 1 = 0";
    }

    String insert() {
        return "INSERT INTO " + name + " (app, revision, saved_at, payload_size, payload_crc32, payload) "
                + "VALUES (?, ?, ?, ?, ?, ?)";
    }

    String deleteOne() {
        return "DELETE FROM " + name + " WHERE app = ? AND revision = ?";
    }

    String deleteApp() {
        return "DELETE FROM " + name + " WHERE app = ?";
    }

    String revisions() {
        return "SELECT revision FROM " + name + " WHERE app = ?";
    }

    String load() {
        return "SELECT payload_size, payload_crc32, payload FROM " + name + " WHERE app = ? AND revision = ?";
    }
}
