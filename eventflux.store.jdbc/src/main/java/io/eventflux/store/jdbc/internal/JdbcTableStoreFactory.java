package io.eventflux.store.jdbc.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/**
 * {@code WITH ('extension' = 'jdbc', 'jdbc.url' = '...', 'username' = '...', 'password' = '...',
 * 'table.name' = '...', 'table.create' = 'true')}: a table kept in a database through JDBC. The driver
 * is found by {@link DriverManager} (JDBC 4 service registration).
 */
@Component(service = TableStoreFactory.class)
@ServiceProvider(value = TableStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.TABLE_STORE, name = "jdbc", aliases = {"rdbms"},
        description = "A table in a database over JDBC (PostgreSQL, MariaDB, any JDBC URL). Conditions become SQL "
                + "with bind parameters; the primary key and indexes are the database's.",
        parameters = {"jdbc.url: STRING, the JDBC URL (required)", "username: STRING, optional",
                "password: STRING, optional", "table.name: STRING, the database table (default: the table's name)",
                "table.create: BOOL, create the table (and its indexes) if it does not exist (default false)"})
public final class JdbcTableStoreFactory implements TableStoreFactory {
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
            connection = DriverManager.getConnection(url, option(o, "username"), option(o, "password"));
        } catch (SQLException e) {
            throw new IllegalArgumentException("table '" + spec.schema().name() + "': cannot connect to " + url
                    + ": " + e.getMessage(), e);
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

    private static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }
}
