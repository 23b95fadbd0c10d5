package io.eventflux.store.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The table-store suite against PostgreSQL and MariaDB as this machine runs them (127.0.0.1, db test). A
 * server that is not reachable skips its tests with a message, and fails them when {@code CI=true}.
 */
class JdbcTableStoreTest {
    private static final StreamSchema SCHEMA = new StreamSchema("EfJdbcT", List.of(
            new Attribute("id", AttributeType.STRING), new Attribute("n", AttributeType.INT),
            new Attribute("price", AttributeType.DOUBLE), new Attribute("tag", AttributeType.STRING),
            new Attribute("big", AttributeType.LONG), new Attribute("ok", AttributeType.BOOL)));

    static Stream<Arguments> databases() {
        return Stream.of(
                Arguments.of("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres", ""),
                Arguments.of("MariaDB", "jdbc:mariadb://127.0.0.1:3306/test", "root", ""));
    }

    private static TableStore store(String db, String url, String user, String password, String table) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.executeUpdate("DROP TABLE IF EXISTS " + table);
        } catch (SQLException e) {
            String message = db + " is not reachable at " + url + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI=true requires it", e);
            }
            Assumptions.abort(message + ": skipped");
        }
        StreamSchema schema = new StreamSchema(table, SCHEMA.attributes());
        return new JdbcTableStoreFactory().create(new TableSpec("app", schema, List.of("id"), List.of("tag"),
                Map.of("extension", "jdbc", "jdbc.url", url, "username", user, "password", password,
                        "table.create", "true")));
    }

    private static List<List<Object>> rows(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }

    private static Function<String, Object[]> row(int n) {
        return id -> new Object[] {id, n, n * 1.5, n % 2 == 0 ? "even" : "odd", (long) n << 33, n % 2 == 0};
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void insertFindUpdateDeleteWithBindParameters(String db, String url, String user, String password) {
        TableStore s = store(db, url, user, password, "ef_jdbc_crud");
        try {
            for (int n = 1; n <= 4; n++) {
                s.insert(row(n).apply("k" + n));
            }
            s.insert(new Object[] {"nul", null, null, null, null, null});
            assertThat(s.size()).isEqualTo(5);
            assertThat(rows(s.find(Condition.eq("id", "k2")))).containsExactly(
                    List.of("k2", 2, 3.0, "even", 2L << 33, true));
            assertThat(rows(s.find(Condition.eq("id", "x' OR '1'='1")))).isEmpty(); // a value, never SQL text
            assertThat(rows(s.find(Condition.and(Condition.eq("tag", "odd"),
                    new Condition.Compare("n", Condition.Op.GT, 1L))))).extracting(r -> r.get(0)).containsExactly("k3");
            assertThat(rows(s.find(new Condition.Or(List.of(Condition.eq("n", 1), Condition.eq("price", 6.0))))))
                    .extracting(r -> r.get(0)).containsExactlyInAnyOrder("k1", "k4");
            assertThat(rows(s.find(Condition.and(new Condition.Compare("n", Condition.Op.GE, 2),
                    new Condition.Test(r -> ((String) r[0]).endsWith("3"), "id ends with 3")))))
                    .extracting(r -> r.get(0)).containsExactly("k3");
            assertThat(rows(s.find(Condition.eq("n", null)))).isEmpty();
            assertThat(rows(s.find(Condition.eq("id", "nul")))).containsExactly(
                    Arrays.asList("nul", null, null, null, null, null));

            assertThat(s.update(Condition.eq("tag", "even"), r -> new Object[] {r[0], (Integer) r[1] * 10, r[2], "ten",
                    r[4], r[5]})).isEqualTo(2);
            assertThat(rows(s.find(Condition.eq("tag", "ten")))).extracting(r -> r.get(1))
                    .containsExactlyInAnyOrder(20, 40);
            assertThat(s.delete(Condition.eq("tag", "ten"))).isEqualTo(2);
            assertThat(s.delete(new Condition.Test(r -> "k1".equals(r[0]), "id = k1"))).isEqualTo(1);
            assertThat(rows(s.find(Condition.TRUE))).extracting(r -> r.get(0)).containsExactlyInAnyOrder("k3", "nul");
        } finally {
            s.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void duplicateKeysNameTheTableAndKeyAndTheTableSurvivesReconnects(String db, String url, String user,
            String password) {
        TableStore s = store(db, url, user, password, "ef_jdbc_dup");
        s.insert(row(1).apply("a"));
        assertThatThrownBy(() -> s.insert(row(2).apply("a"))).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("table 'ef_jdbc_dup': primary key (id=a) already exists");
        s.close();
        StreamSchema schema = new StreamSchema("ef_jdbc_dup", SCHEMA.attributes());
        TableStore again = new JdbcTableStoreFactory().create(new TableSpec("app", schema, List.of("id"), List.of(),
                Map.of("jdbc.url", url, "username", user, "password", password, "table.create", "true")));
        try {
            assertThat(again.size()).isEqualTo(1);
            assertThat(again.snapshot()).isNull();
        } finally {
            again.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void missingUrlAndBadUrlAreClearErrors(String db, String url, String user, String password) {
        assertThatThrownBy(() -> new JdbcTableStoreFactory().create(new TableSpec("app", SCHEMA, List.of(), List.of(),
                Map.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'jdbc.url'");
        assertThatThrownBy(() -> new JdbcTableStoreFactory().create(new TableSpec("app", SCHEMA, List.of(), List.of(),
                Map.of("jdbc.url", "jdbc:nosuchdb://x")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot connect");
    }
}
