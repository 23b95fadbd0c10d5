package io.eventflux.store.jdbc.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.extension.support.jdbc.JdbcDrivers;
import io.eventflux.extension.support.jdbc.Redaction;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code WITH ('extension' = 'jdbc', 'jdbc.url' = '...', 'username' = '...', 'password' = '...',
 * 'table.name' = '...', 'table.create' = 'true')}: a table kept in a database through JDBC.
 *
 * <p>Drivers: inside OSGi, every {@code java.sql.Driver} service (the whiteboard: a driver bundle's
 * META-INF/services entry registered by SPI Fly, or a driver registered by hand); the first one that
 * accepts the URL connects. {@code DriverManager} is the fallback outside OSGi ({@link JdbcDrivers}).
 */
@Component(service = TableStoreFactory.class)
@ServiceProvider(value = TableStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.TABLE_STORE, name = "jdbc", aliases = {"rdbms"},
        description = "A table in a database over JDBC (PostgreSQL, MariaDB, any JDBC URL). Conditions become SQL "
                + "with bind parameters; the primary key and indexes are the database's.",
        parameters = {"jdbc.url: STRING required, the JDBC URL", "username: STRING = (none), the database user",
                "password: STRING = (none), the password", "table.name: STRING = (the table's name), the database table",
                "table.create: BOOL = false, create the table (and its indexes) if it does not exist"})
public final class JdbcTableStoreFactory implements TableStoreFactory {
    private final JdbcDrivers drivers = new JdbcDrivers();

    /** The DS (or plain Java) constructor: no drivers bound yet. */
    public JdbcTableStoreFactory() {
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
    public TableStore create(TableSpec spec) {
        Map<String, String> o = spec.options();
        String url = option(o, "jdbc.url");
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': the jdbc store needs option "
                    + "'jdbc.url'");
        }
        String table = option(o, "table.name");
        boolean create = "true".equalsIgnoreCase(option(o, "table.create"));
        Connection connection;
        try {
            connection = connect(url, option(o, "username"), option(o, "password"));
        } catch (SQLException e) {
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': cannot connect to "
                    + Redaction.url(url) + ": " + Redaction.text(e.getMessage(), option(o, "password")), e);
        }
        try {
            JdbcTableStore store = new JdbcTableStore(spec, connection, table == null ? spec.schema().name() : table);
            if (create) {
                store.createIfAbsent();
            }
            return store;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.close();
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': " + e.getMessage(), e);
        }
    }

    /** Connects with the first bound driver that accepts the URL, else through DriverManager ({@link JdbcDrivers}). */
    Connection connect(String url, String user, String password) throws SQLException {
        return drivers.connect(url, user, password);
    }

    private static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
