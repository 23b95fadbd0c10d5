package io.eventflux.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table scenarios of {@link TableTest} with the table in PostgreSQL and MariaDB ({@code 'extension' =
 * 'jdbc'}): joins served by the database's primary key, UPDATE / DELETE / UPSERT translated into SQL. The
 * database keeps the rows across the snapshot / restore runs (the table is emptied before each run).
 * A server that is not reachable skips with a message, and fails when {@code CI=true}.
 */
class JdbcTableTest {
    static Stream<Arguments> databases() {
        return Stream.of(Arguments.of("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
                Arguments.of("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root"));
    }

    private static String table(String url, String user) {
        return "CREATE TABLE U (id STRING PRIMARY KEY, name STRING) WITH ('extension' = 'jdbc', 'jdbc.url' = '"
                + url + "', 'username' = '" + user + "', 'password' = '', 'table.name' = 'ef_engine_u', "
                + "'table.create' = 'true');\n";
    }

    private static Runnable empty(String db, String url, String user) {
        return () -> {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement()) {
                st.executeUpdate("DROP TABLE IF EXISTS ef_engine_u");
            } catch (SQLException e) {
                String message = db + " is not reachable at " + url + " (" + e.getMessage() + ")";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError(message + ": CI=true requires it", e);
                }
                Assumptions.abort(message + ": skipped");
            }
        };
    }

    private static final String STREAMS = "CREATE STREAM Users (id STRING, name STRING);\n"
            + "CREATE STREAM Q (id STRING, n INT);\n";
    private static final String LOOKUP = "INSERT INTO Out SELECT Q.id AS id, n, name FROM Q JOIN U ON Q.id = U.id;\n";

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertAndLookupJoinWithDuplicateKeys(String db, String url, String user) {
        Scenario.of(STREAMS + table(url, user) + "INSERT INTO U SELECT id, name FROM Users;\n" + LOOKUP)
                .resetBefore(empty(db, url, user))
                .send("Users", 1, "a", "Ann").send("Users", 2, "a", "Dup").send("Users", 3, "b", "Bob")
                .send("Q", 4, "a", 1).send("Q", 5, "c", 2).send("Q", 6, "b", 3)
                .expect("4:[a, 1, Ann]", "6:[b, 3, Bob]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void updateDeleteUpsert(String db, String url, String user) {
        Scenario.of(STREAMS + table(url, user) + "CREATE STREAM Up (id STRING, name STRING);\n"
                + "CREATE STREAM D (id STRING);\n"
                + "UPSERT INTO U SELECT id, name FROM Up ON U.id = Up.id;\n"
                + "UPDATE U SET name = Users.name FROM Users WHERE U.id = Users.id;\n"
                + "DELETE FROM U USING D WHERE U.id = D.id OR U.name = D.id;\n" + LOOKUP)
                .resetBefore(empty(db, url, user))
                .send("Up", 1, "a", "Ann").send("Up", 2, "b", "Bob").send("Up", 3, "a", "Anna")
                .send("Users", 4, "b", "Bobby").send("Q", 5, "a", 1).send("Q", 6, "b", 2)
                .send("D", 7, "Anna").send("Q", 8, "a", 3).send("Q", 9, "b", 4)
                .expect("5:[a, 1, Anna]", "6:[b, 2, Bobby]", "9:[b, 4, Bobby]");
    }
}
