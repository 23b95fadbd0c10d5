package io.eventflux.persistence.jdbc.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import io.eventflux.extension.support.jdbc.JdbcDrivers;
import io.eventflux.extension.support.jdbc.Redaction;
import java.lang.System.Logger.Level;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code persistence.store = 'jdbc'}: each revision of an app is a row of a database table, created if
 * missing. Drivers as for the jdbc table store ({@link JdbcDrivers}): inside OSGi the {@code java.sql.Driver}
 * services (SPI Fly registers those of the PostgreSQL and MariaDB driver bundles), DriverManager outside.
 * The database must be reachable when the store is opened (at the app's start): a wrong URL, user or
 * password fails the start with the database's reason, the password masked.
 */
@Component(service = PersistenceStoreFactory.class)
@ServiceProvider(value = PersistenceStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.PERSISTENCE_STORE, name = "jdbc",
        description = "Snapshots as rows of a database table over JDBC (PostgreSQL, MariaDB): each save one "
                + "transaction, size and CRC32 verified on load, the last N revisions kept.",
        parameters = {"url: STRING required, the JDBC URL", "username: STRING = (none), the database user",
            "password: STRING = (none), the password (never shown)",
            "table: STRING = eventflux_snapshots, the table, created if missing",
            "keep: INT = 3, restorable revisions kept per app, with the revisions incremental ones depend on"})
public final class JdbcPersistenceStoreFactory implements PersistenceStoreFactory {
    private static final System.Logger LOG = System.getLogger(JdbcPersistenceStoreFactory.class.getName());
    static final String URL = "url";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TABLE = "table";
    static final String KEEP = "keep";
    static final String DEFAULT_TABLE = "eventflux_snapshots";
    static final int DEFAULT_KEEP = 3;
    /** {@code dir} may come from the launcher's {@code --state} for every app, whatever its store. */
    private static final Set<String> KNOWN = Set.of(URL, USERNAME, PASSWORD, TABLE, KEEP, "dir");

    private final JdbcDrivers drivers = new JdbcDrivers();

    /** The DS (or plain Java) constructor: no drivers bound yet. */
    public JdbcPersistenceStoreFactory() {
    }

    @Reference(service = Driver.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeDriver")
    void addDriver(Driver driver) {
        drivers.add(driver);
    }

    void removeDriver(Driver driver) {
        drivers.remove(driver);
    }

    @Override
    public PersistenceStore create(Map<String, String> options) {
        String url = options.get(URL);
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("persistence store 'jdbc': option 'url' is required (persistence.url), "
                    + "e.g. jdbc:postgresql://127.0.0.1:5432/db");
        }
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            LOG.log(Level.WARNING, "persistence store 'jdbc': ignoring unknown option(s) " + unknown + " (known: url, "
                    + "username, password, table, keep)");
        }
        String user = options.get(USERNAME);
        String password = options.get(PASSWORD);
        String table = options.getOrDefault(TABLE, DEFAULT_TABLE).trim();
        int keep = keep(options.get(KEEP));
        String where = Redaction.url(url.trim());
        String secret = password != null && !password.isEmpty() ? password : Redaction.urlPassword(url);
        JdbcPersistenceStore store = new JdbcPersistenceStore(() -> drivers.connect(url.trim(), user, password),
                new SnapshotTable(table), keep, where, secret, System::currentTimeMillis);
        try {
            store.prepare();
        } catch (SQLException e) {
            throw new IllegalArgumentException("persistence store 'jdbc': cannot use table " + table + " at " + where
                    + (user == null ? "" : " as " + user) + ": " + Redaction.text(e.getMessage(), secret),
                    Redaction.safeCause(e, secret));
        }
        return store;
    }

    private static int keep(String k) {
        if (k == null) {
            return DEFAULT_KEEP;
        }
        int keep;
        try {
            keep = Integer.parseInt(k.trim());
        } catch (NumberFormatException e) {
            keep = 0;
        }
        if (keep < 1) {
            throw new IllegalArgumentException("persistence store 'jdbc': option 'keep' must be a positive integer, "
                    + "was '" + k + "'");
        }
        return keep;
    }
}
