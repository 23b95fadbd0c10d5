package io.eventflux.persistence.jdbc.internal;

import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.RevisionChain;
import io.eventflux.extension.support.jdbc.Redaction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32;

/**
 * Revisions as rows of one table ({@link SnapshotTable}), keyed by app and revision, with the payload's
 * size and CRC32 checked on load. A save is one transaction: it replaces the revision, inserts it and
 * deletes the revisions past the newest {@code keep} that no kept revision depends on
 * ({@link RevisionChain#removable}), so a failure leaves the old set of revisions. Each
 * operation opens its own connection: saves are seconds apart, and a database restarted in between costs
 * nothing. Revisions sort by name in Java (the engine names them so), whatever the database's collation.
 */
final class JdbcPersistenceStore implements PersistenceStore {
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1," + SnapshotTable.MAX_REVISION + "}");

    /** Opens a connection to the database. */
    @FunctionalInterface
    interface Connector {
        Connection open() throws SQLException;
    }

    private final Connector connector;
    private final SnapshotTable table;
    private final int keep;
    private final String where;
    private final String password;
    private final LongSupplier clock;

    /**
     * @param where the redacted URL, for messages
     * @param password masked wherever a driver's message echoes it (null for none)
     */
    JdbcPersistenceStore(Connector connector, SnapshotTable table, int keep, String where, String password,
            LongSupplier clock) {
        this.connector = connector;
        this.table = table;
        this.keep = keep;
        this.where = where;
        this.password = password;
        this.clock = clock;
    }

    /**
     * Creates the table if it does not exist and checks its columns. Two apps starting at once may both
     * create it: PostgreSQL then fails one {@code CREATE TABLE IF NOT EXISTS}, which is fine when the table
     * is there after all.
     */
    void prepare() throws SQLException {
        try (Connection c = connector.open(); Statement st = c.createStatement()) {
            try {
                st.execute(table.create(c));
            } catch (SQLException e) {
                try (Statement again = c.createStatement()) {
                    again.executeQuery(table.probe()).close();
                } catch (SQLException notThere) {
                    e.addSuppressed(notThere);
                    throw e;
                }
            }
            st.executeQuery(table.probe()).close();
        }
    }

    private static void checkApp(String app) {
        if (app == null || app.isEmpty() || app.length() > SnapshotTable.MAX_APP) {
            throw new IllegalArgumentException("persistence store 'jdbc': app name must have 1 to "
                    + SnapshotTable.MAX_APP + " characters, was '" + app + "'");
        }
    }

    private static void checkRevision(String revision) {
        if (revision == null || !REVISION.matcher(revision).matches()) {
            throw new IllegalArgumentException("persistence store 'jdbc': revision '" + revision + "' must be 1 to "
                    + SnapshotTable.MAX_REVISION + " letters, digits, '.', '_' or '-'");
        }
    }

    private IOException failure(String what, SQLException e) {
        return new IOException("persistence store 'jdbc': " + what + " in table " + table.name() + " at " + where
                + " failed: " + Redaction.text(e.getMessage(), password), Redaction.safeCause(e, password));
    }

    @Override
    public void save(String app, String revision, byte[] snapshot) throws IOException {
        checkApp(app);
        checkRevision(revision);
        CRC32 crc = new CRC32();
        crc.update(snapshot);
        try (Connection c = connector.open()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement(table.deleteOne())) {
                    del.setString(1, app);
                    del.setString(2, revision);
                    del.executeUpdate();
                }
                try (PreparedStatement ins = c.prepareStatement(table.insert())) {
                    ins.setString(1, app);
                    ins.setString(2, revision);
                    ins.setLong(3, clock.getAsLong());
                    ins.setInt(4, snapshot.length);
                    ins.setLong(5, crc.getValue());
                    ins.setBytes(6, snapshot);
                    ins.executeUpdate();
                }
                List<String> removable = RevisionChain.removable(revisions(c, app), keep);
                if (!removable.isEmpty()) {
                    try (PreparedStatement del = c.prepareStatement(table.deleteOne())) {
                        for (String old : removable) {
                            del.setString(1, app);
                            del.setString(2, old);
                            del.addBatch();
                        }
                        del.executeBatch();
                    }
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw failure("saving revision " + revision + " of app '" + app + "'", e);
        }
    }

    /**
     * @throws IOException naming the store, table, app and revision when the row's payload is truncated or
     *     its checksum fails (the engine then restores the revision before it)
     * @throws UncheckedIOException when the database cannot be asked (down, refused): not a reason to
     *     restore an older revision, or none, so the app's start fails instead
     */
    @Override
    public Optional<byte[]> load(String app, String revision) throws IOException {
        checkApp(app);
        checkRevision(revision);
        int size;
        long expected;
        byte[] payload;
        try (Connection c = connector.open(); PreparedStatement st = c.prepareStatement(table.load())) {
            st.setString(1, app);
            st.setString(2, revision);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                size = rs.getInt(1);
                expected = rs.getLong(2);
                payload = rs.getBytes(3);
            }
        } catch (SQLException e) {
            IOException io = failure("loading revision " + revision + " of app '" + app + "'", e);
            throw new UncheckedIOException(io.getMessage(), io);
        }
        String what = "persistence store 'jdbc': revision " + revision + " of app '" + app + "' in table "
                + table.name() + " at " + where;
        if (payload == null || payload.length != size) {
            throw new IOException(what + " is truncated: " + (payload == null ? 0 : payload.length) + " of " + size
                    + " bytes");
        }
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (crc.getValue() != expected) {
            throw new IOException(what + " is corrupt: its CRC32 checksum does not match");
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
        checkApp(app);
        try (Connection c = connector.open()) {
            return revisions(c, app);
        } catch (SQLException e) {
            throw failure("listing the revisions of app '" + app + "'", e);
        }
    }

    private List<String> revisions(Connection c, String app) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(table.revisions())) {
            st.setString(1, app);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    @Override
    public void clear(String app) throws IOException {
        checkApp(app);
        try (Connection c = connector.open(); PreparedStatement st = c.prepareStatement(table.deleteApp())) {
            st.setString(1, app);
            st.executeUpdate();
        } catch (SQLException e) {
            throw failure("removing the revisions of app '" + app + "'", e);
        }
    }

    @Override
    public String toString() {
        return "jdbc persistence store (table " + table.name() + " at " + where + ", keep " + keep + ")";
    }
}
