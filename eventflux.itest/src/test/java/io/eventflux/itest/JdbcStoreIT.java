package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.InputHandler;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * The jdbc table store inside Felix, against PostgreSQL and MariaDB as this machine runs them
 * (127.0.0.1, database test): the drivers are bundles whose META-INF/services entries SPI Fly registers
 * as {@code java.sql.Driver} services, and the store takes them as a whiteboard (no DynamicImport-Package).
 * A server that is not reachable skips its test with a message, and fails it when {@code CI=true}.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JdbcStoreIT {
    private static final String TABLE = "ef_itest_users";

    @Inject
    private EventFlux eventFlux;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void postgresqlTableJoinAndOnDemandQuery() throws Exception {
        tableJoinAndOnDemandQuery("PostgreSQL", "org.postgresql.jdbc", "jdbc:postgresql://127.0.0.1:5432/test",
                "postgres", "");
    }

    @Test
    public void mariadbTableJoinAndOnDemandQuery() throws Exception {
        tableJoinAndOnDemandQuery("MariaDB", "mariadb-java-client", "jdbc:mariadb://127.0.0.1:3306/test", "root", "");
    }

    /** DriverManager cannot see the driver bundles from the store bundle: the whiteboard is the only way. */
    @Test
    public void theStoreBundleHasNoDynamicImport() {
        Bundle store = bundle("eventflux.store.jdbc");
        assertNull(store.getHeaders().get("DynamicImport-Package"));
    }

    private void tableJoinAndOnDemandQuery(String db, String driverBundle, String url, String user, String password)
            throws Exception {
        Driver driver = driverService(driverBundle, url);
        dropTable(driver, db, url, user, password);

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
        try (Connection c = connect(driver, url, user, password); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
            assertTrue(rs.next());
            assertEquals(3, rs.getInt(1));
        }
    }

    /** The driver bundle's java.sql.Driver service (SPI Fly registers it once the bundle is active). */
    private Driver driverService(String bsn, String url) throws SQLException {
        ServiceReference<Driver> ref = Await.until("a java.sql.Driver service of bundle " + bsn, () -> {
            try {
                for (ServiceReference<Driver> r : context.getServiceReferences(Driver.class, null)) {
                    if (bsn.equals(r.getBundle().getSymbolicName())) {
                        return r;
                    }
                }
                return null;
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException(e);
            }
        });
        Driver driver = context.getService(ref);
        assertTrue(bsn + " accepts " + url, driver.acceptsURL(url));
        return driver;
    }

    private static Connection connect(Driver driver, String url, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        return driver.connect(url, props);
    }

    /** Starts from an empty database; skips (or fails when CI=true) if the server is not reachable. */
    private static void dropTable(Driver driver, String db, String url, String user, String password) {
        try (Connection c = connect(driver, url, user, password); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS " + TABLE);
        } catch (SQLException e) {
            String message = db + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI=true requires it", e);
            }
            Assume.assumeTrue(message + ": skipped", false);
        }
    }

    private Bundle bundle(String bsn) {
        for (Bundle b : context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + bsn + " is not installed");
    }
}
