package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.InputHandler;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The jdbc table store inside Felix against one database server of this machine (127.0.0.1, database
 * test): the driver is a bundle whose META-INF/services entry SPI Fly registers as a
 * {@code java.sql.Driver} service, and the store takes such services as a whiteboard (it has no
 * DynamicImport-Package, so DriverManager could not hand it the driver).
 */
final class JdbcStore {
    private static final String TABLE = "ef_itest_users";

    private final String db;
    private final String driverBundle;
    private final String url;
    private final String user;
    private final String password;

    JdbcStore(String db, String driverBundle, String url, String user, String password) {
        this.db = db;
        this.driverBundle = driverBundle;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** Rows inserted from a stream, joined with another stream and queried on demand: exact results. */
    void tableJoinAndOnDemandQuery(EventFlux eventFlux, BundleContext context) throws Exception {
        Driver driver = driverService(context);
        try (Connection c = connect(driver); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS " + TABLE);
        }

        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Users (id STRING, name STRING, age INT);
                CREATE STREAM Q (id STRING);
                CREATE TABLE U (id STRING PRIMARY KEY, name STRING, age INT) WITH ('extension' = 'jdbc',
                    'jdbc.url' = '%s', 'username' = '%s', 'password' = '%s',
                    'table.name' = '%s', 'table.create' = 'true');
                INSERT INTO U SELECT id, name, age FROM Users;
                INSERT INTO Out SELECT Q.id AS id, name, age FROM Q JOIN U ON Q.id = U.id;
                """.formatted(url, user, password, TABLE), DeployOptions.playback().withName("itest-jdbc"));
        try {
            List<Event> out = new CopyOnWriteArrayList<>();
            try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
                InputHandler users = app.inputHandler("Users");
                users.send(1000L, new Object[] {"a", "Ann", 30});
                users.send(1001L, new Object[] {"b", "Bob", 40});
                users.send(1002L, new Object[] {"c", "Cy", null});
                InputHandler q = app.inputHandler("Q");
                q.send(2000L, new Object[] {"b"});
                q.send(2001L, new Object[] {"nobody"});
                q.send(2002L, new Object[] {"a"});
            }
            assertEquals(List.of(new Event(2000, new Object[] {"b", "Bob", 40}),
                    new Event(2002, new Object[] {"a", "Ann", 30})), out);
            assertEquals(List.of(List.of("Bob", 40)), app.query("SELECT name, age FROM U WHERE id = 'b'").rowLists());
            assertEquals(List.of(List.of("a"), List.of("b")),
                    app.query("SELECT id FROM U WHERE age >= 30 ORDER BY id").rowLists());
        } finally {
            eventFlux.undeploy(app.name());
        }
        // the rows are in the database, not in the app
        try (Connection c = connect(driver); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
        }
    }

    /**
     * An incremental aggregation kept in the database ({@code 'store' = 'jdbc'}): undeployed and deployed
     * again, the app reads the same buckets and keeps adding to them.
     */
    void aggregationKeepsHistoryAcrossRedeploy(EventFlux eventFlux, BundleContext context) throws Exception {
        Driver driver = driverService(context);
        try (Connection c = connect(driver); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS ef_itest_agg");
        }
        String sql = """
                CREATE STREAM Trades (sym STRING, price DOUBLE, ts LONG);
                CREATE AGGREGATION Agg AS SELECT sym, sum(price) AS total, count() AS n FROM Trades GROUP BY sym
                    AGGREGATE BY ts EVERY SECONDS ... DAYS WITH ('store' = 'jdbc', 'jdbc.url' = '%s',
                    'username' = '%s', 'password' = '%s', 'table.name' = 'ef_itest_agg', 'table.create' = 'true');
                """.formatted(url, user, password);
        String read = "SELECT sym, total, n FROM Agg WITHIN 0, 9999999999999 PER 'days'";
        AppRuntime app = eventFlux.deploy(sql, DeployOptions.playback().withName("itest-agg"));
        try {
            app.inputHandler("Trades").send(1L, new Object[] {"a", 1.25, 1000L});
            app.inputHandler("Trades").send(2L, new Object[] {"a", 2.5, 5000L});
            assertEquals(List.of(List.of("a", 3.75, 2L)), app.query(read).rowLists());
        } finally {
            eventFlux.undeploy(app.name());
        }
        app = eventFlux.deploy(sql, DeployOptions.playback().withName("itest-agg"));
        try {
            assertEquals(List.of(List.of("a", 3.75, 2L)), app.query(read).rowLists());
            app.inputHandler("Trades").send(3L, new Object[] {"a", 0.25, 7000L});
            assertEquals(List.of(List.of("a", 4.0, 3L)), app.query(read).rowLists());
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /** The driver bundle's java.sql.Driver service (SPI Fly registers it once the bundle is active). */
    private Driver driverService(BundleContext context) throws SQLException {
        ServiceReference<Driver> ref = Await.until("a java.sql.Driver service of bundle " + driverBundle, () -> {
            try {
                for (ServiceReference<Driver> r : context.getServiceReferences(Driver.class, null)) {
                    if (driverBundle.equals(r.getBundle().getSymbolicName())) {
                        return r;
                    }
                }
                return null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        Driver driver = context.getService(ref);
        assertTrue(driverBundle + " accepts " + url, driver.acceptsURL(url));
        return driver;
    }

    private Connection connect(Driver driver) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        try {
            return driver.connect(url, props);
        } catch (SQLException e) {
            throw new SQLException(db + " listens but refuses " + url + " as " + user + ": " + e.getMessage(), e);
        }
    }
}
