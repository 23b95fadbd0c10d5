package io.eventflux.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.TableSpec;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The driver whiteboard: the first bound driver accepting the URL connects; DriverManager is the fallback. */
class JdbcDriverSelectionTest {

    /** A driver for {@code jdbc:<prefix>:} URLs that records each connect and refuses it. */
    private static final class FakeDriver implements Driver {
        private final String prefix;
        final List<String> connects = new ArrayList<>();

        FakeDriver(String prefix) {
            this.prefix = "jdbc:" + prefix + ":";
        }

        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            if (!acceptsURL(url)) {
                return null;
            }
            connects.add(url + " user=" + info.getProperty("user") + " password=" + info.getProperty("password"));
            throw new SQLException("refused by " + prefix);
        }

        @Override
        public boolean acceptsURL(String url) {
            return url.startsWith(prefix);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
            return new DriverPropertyInfo[0];
        }

        @Override
        public int getMajorVersion() {
            return 1;
        }

        @Override
        public int getMinorVersion() {
            return 0;
        }

        @Override
        public boolean jdbcCompliant() {
            return false;
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
    }

    private static TableSpec spec(String url) {
        return new TableSpec("app", new StreamSchema("T", List.of(new Attribute("id", AttributeType.STRING))),
                List.of("id"), List.of(), Map.of("jdbc.url", url, "username", "u", "password", "p"));
    }

    @Test
    void theFirstBoundDriverAcceptingTheUrlConnectsWithUserAndPassword() {
        JdbcTableStoreFactory factory = new JdbcTableStoreFactory();
        FakeDriver a = new FakeDriver("a");
        FakeDriver b = new FakeDriver("b");
        FakeDriver b2 = new FakeDriver("b");
        factory.addDriver(a);
        factory.addDriver(b);
        factory.addDriver(b2);

        assertThatThrownBy(() -> factory.create(spec("jdbc:b://host/db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("table 'T': cannot connect to jdbc:b://host/db: refused by jdbc:b:");
        assertThat(a.connects).isEmpty();
        assertThat(b.connects).containsExactly("jdbc:b://host/db user=u password=p");
        assertThat(b2.connects).isEmpty();
    }

    @Test
    void aUrlNoDriverAcceptsNamesTheUrlAndTheDrivers() {
        JdbcTableStoreFactory factory = new JdbcTableStoreFactory();
        FakeDriver a = new FakeDriver("a");
        factory.addDriver(a);

        assertThatThrownBy(() -> factory.create(spec("jdbc:nosuch://host/db")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table 'T': cannot connect to jdbc:nosuch://host/db: no JDBC driver accepts "
                        + "jdbc:nosuch://host/db (driver services: [" + FakeDriver.class.getName() + "], "
                        + "DriverManager drivers: [")
                .hasMessageContaining("org.postgresql.Driver");
        assertThat(a.connects).isEmpty();
    }

    @Test
    void anUnboundDriverIsNoLongerAsked() {
        JdbcTableStoreFactory factory = new JdbcTableStoreFactory();
        FakeDriver a = new FakeDriver("a");
        factory.addDriver(a);
        factory.removeDriver(a);

        assertThatThrownBy(() -> factory.create(spec("jdbc:a://host/db")))
                .hasMessageContaining("no JDBC driver accepts jdbc:a://host/db (driver services: [], ");
        assertThat(a.connects).isEmpty();
    }

    /** Plain Java: nothing bound, DriverManager finds the PostgreSQL driver on the class path (port 1: refused). */
    @Test
    void withoutBoundDriversDriverManagerConnects() {
        JdbcTableStoreFactory factory = new JdbcTableStoreFactory();

        assertThatThrownBy(() -> factory.create(spec("jdbc:postgresql://127.0.0.1:1/none")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("table 'T': cannot connect to jdbc:postgresql://127.0.0.1:1/none: ")
                .hasMessageNotContaining("no JDBC driver accepts")
                .cause().isInstanceOf(org.postgresql.util.PSQLException.class);
    }
}
