package io.eventflux.persistence.jdbc.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.provider.Arguments;

/**
 * PostgreSQL and MariaDB as this machine runs them (127.0.0.1, database test). A server that is not
 * reachable skips the test with a message, and fails it when {@code CI=true}.
 */
final class Databases {
    private Databases() {
    }

    static Stream<Arguments> all() {
        return Stream.of(
                Arguments.of("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
                Arguments.of("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root"));
    }

    /** Drops the table (a clean start), or skips / fails when the server is not there. */
    static void dropTable(String db, String url, String user, String table) {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            String message = db + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI=true requires it", e);
            }
            Assumptions.abort(message + ": skipped");
        }
    }

    static int update(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
            return st.executeUpdate(sql);
        }
    }
}
