package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import org.junit.jupiter.api.Test;

/**
 * Tables (SQL.md 3.6) on the default in-memory store: INSERT INTO, stream-table joins with the table on
 * either side, stream-driven UPDATE / DELETE / UPSERT, duplicate keys; each with a snapshot, restore and
 * continue at every step (tables are part of app snapshots).
 */
class TableTest {
    private static final String T = "CREATE STREAM Users (id STRING, name STRING);\n"
            + "CREATE STREAM Q (id STRING, n INT);\n"
            + "CREATE TABLE U (id STRING PRIMARY KEY, name STRING);\n"
            + "INSERT INTO U SELECT id, name FROM Users;\n";

    private static final String LOOKUP = "INSERT INTO Out SELECT Q.id AS id, n, name FROM Q JOIN U ON Q.id = U.id;\n";

    @Test
    void conformanceCase06StreamTableJoin() {
        Scenario.of("""
                CREATE STREAM Orders (orderId STRING, userId STRING, amount DOUBLE);
                CREATE STREAM Users (userId STRING, name STRING);
                CREATE TABLE UserTable (userId STRING PRIMARY KEY, name STRING);
                INSERT INTO UserTable SELECT userId, name FROM Users;
                INSERT INTO Out
                SELECT o.orderId AS orderId, u.name AS name, o.amount AS amount
                FROM Orders AS o JOIN UserTable AS u ON o.userId = u.userId;
                """)
                .send("Users", 1, "u1", "Ann").send("Users", 2, "u2", "Bob").send("Orders", 3, "o1", "u1", 10.0)
                .send("Orders", 4, "o2", "u3", 5.0).send("Orders", 5, "o3", "u2", 7.5)
                .expect("3:[o1, Ann, 10.0]", "5:[o3, Bob, 7.5]");
    }

    @Test
    void tableOnTheLeftSideWithColumnsInSelectOrder() {
        Scenario.of(T + "INSERT INTO Out SELECT name, U.id AS id, n FROM U JOIN Q ON U.id = Q.id;")
                .send("Users", 1, "a", "Ann").send("Q", 2, "a", 1).send("Q", 3, "b", 2)
                .expect("2:[Ann, a, 1]");
    }

    @Test
    void leftOuterJoinWithATablePadsMisses() {
        Scenario.of(T + "INSERT INTO Out SELECT Q.id AS id, name FROM Q LEFT JOIN U ON Q.id = U.id;")
                .send("Users", 1, "a", "Ann").send("Q", 2, "a", 1).send("Q", 3, "b", 2)
                .expect("2:[a, Ann]", "3:[b, null]");
    }

    @Test
    void nonEqualityConditionScansTheTable() {
        Scenario.of(T + "INSERT INTO Out SELECT Q.id AS id, name FROM Q JOIN U ON U.name > Q.id;")
                .send("Users", 1, "a", "Ann").send("Users", 2, "b", "bob").send("Q", 3, "B", 1)
                .expect("3:[B, bob]");
    }

    @Test
    void secondaryIndexAndCompositePrimaryKey() {
        Scenario.of("CREATE STREAM In (a STRING, b INT, c STRING);\nCREATE STREAM Q (c STRING, b INT);\n"
                + "CREATE TABLE T (a STRING, b INT, c STRING, PRIMARY KEY (a, b)) WITH ('index' = 'c');\n"
                + "INSERT INTO T SELECT a, b, c FROM In;\n"
                + "INSERT INTO Out SELECT a, T.b AS b FROM Q JOIN T ON T.c = Q.c AND T.b >= Q.b;")
                .send("In", 1, "x", 1, "red").send("In", 2, "x", 2, "red").send("In", 3, "y", 1, "blue")
                .send("In", 4, "x", 1, "green").send("Q", 5, "red", 2).send("Q", 6, "blue", 0)
                .expect("5:[x, 2]", "6:[y, 1]");
    }

    @Test
    void duplicateKeyInsertFailsThatRowAndIsCounted() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy(T + LOOKUP, DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("Out", out);
            app.inputHandler("Users").send(1L, new Object[] {"a", "Ann"});
            app.inputHandler("Users").send(2L, new Object[] {"a", "Other"});
            app.inputHandler("Users").send(3L, new Object[] {"b", "Bob"});
            app.inputHandler("Q").send(4L, new Object[] {"a", 1});
            assertThat(((AppRuntimeImpl) app).tableErrorCount("U")).isEqualTo(1);
            assertThat(app.outputStreams()).extracting(s -> s.name()).containsExactly("Out");
            assertThat(app.stream("U")).isEmpty();
            app.shutdown();
            assertThat(Scenario.rows(out.events())).containsExactly("4:[a, 1, Ann]");
        }
    }

    @Test
    void updateFromAStream() {
        Scenario.of(T + "CREATE STREAM Rename (id STRING, name STRING);\n"
                + "UPDATE U SET name = Rename.name FROM Rename WHERE U.id = Rename.id;\n" + LOOKUP)
                .send("Users", 1, "a", "Ann").send("Users", 2, "b", "Bob").send("Rename", 3, "a", "Anna")
                .send("Rename", 4, "z", "Nobody").send("Q", 5, "a", 1).send("Q", 6, "b", 2)
                .expect("5:[a, 1, Anna]", "6:[b, 2, Bob]");
    }

    @Test
    void updateReadsTheOldRowAndANonKeyCondition() {
        Scenario.of(T + "CREATE STREAM Tag (suffix STRING);\n"
                + "UPDATE U SET name = CASE WHEN Tag.suffix = '!' THEN U.id ELSE U.name END FROM Tag WHERE U.name LIKE 'A%';\n" + LOOKUP)
                .send("Users", 1, "a", "Ann").send("Users", 2, "b", "Bob").send("Tag", 3, "!")
                .send("Q", 4, "a", 1).send("Q", 5, "b", 2)
                .expect("4:[a, 1, a]", "5:[b, 2, Bob]");
    }

    @Test
    void deleteUsingAStream() {
        Scenario.of(T + "CREATE STREAM D (id STRING);\n"
                + "DELETE FROM U USING D WHERE U.id = D.id;\n" + LOOKUP)
                .send("Users", 1, "a", "Ann").send("Users", 2, "b", "Bob").send("D", 3, "a")
                .send("Q", 4, "a", 1).send("Q", 5, "b", 2).send("Users", 6, "a", "Again").send("Q", 7, "a", 3)
                .expect("5:[b, 2, Bob]", "7:[a, 3, Again]");
    }

    @Test
    void upsertUpdatesOrInserts() {
        Scenario.of("CREATE STREAM Up (id STRING, name STRING);\nCREATE STREAM Q (id STRING, n INT);\n"
                + "CREATE TABLE U (id STRING PRIMARY KEY, name STRING);\n"
                + "UPSERT INTO U SELECT id, name FROM Up ON U.id = Up.id;\n" + LOOKUP)
                .send("Up", 1, "a", "Ann").send("Q", 2, "a", 1).send("Up", 3, "a", "Anna").send("Up", 4, "b", "Bob")
                .send("Q", 5, "a", 2).send("Q", 6, "b", 3)
                .expect("2:[a, 1, Ann]", "5:[a, 2, Anna]", "6:[b, 3, Bob]");
    }

    @Test
    void tableWithoutPrimaryKeyKeepsDuplicates() {
        Scenario.of("CREATE STREAM In (k STRING, v INT);\nCREATE STREAM Q (k STRING);\n"
                + "CREATE TABLE T (k STRING, v INT);\nINSERT INTO T SELECT k, v FROM In;\n"
                + "INSERT INTO Out SELECT v FROM Q JOIN T ON T.k = Q.k;")
                .send("In", 1, "a", 1).send("In", 2, "a", 1).send("Q", 3, "a")
                .expect("3:[1]", "3:[1]");
    }

    @Test
    void anUnknownStoreLeavesTheAppWaitingForIt() throws Exception {
        try (EventFluxRuntime runtime = RealBundles.runtime()) {
            AppRuntime app = runtime.deploy("CREATE TABLE T (a INT) WITH ('extension' = 'nosuch');",
                    DeployOptions.playback());
            assertThat(app.info().state()).isEqualTo(io.eventflux.api.AppState.WAITING);
            assertThat(app.info().waitingFor()).containsExactly("table-store:nosuch");
        }
    }

    @Test
    void joinWithATableAndAWindowedStream() {
        Scenario.of(T + "INSERT INTO Out SELECT Q.id AS id, n, name FROM Q WINDOW('length', 1) JOIN U "
                + "ON Q.id = U.id;")
                .send("Q", 1, "a", 1).send("Users", 2, "a", "Ann").send("Q", 3, "a", 2)
                .expect("3:[a, 2, Ann]");
    }

    @Test
    void cacheStoreTableEvictsTheLeastRecentlyUsedRow() {
        Scenario.of("CREATE STREAM Users (id STRING, name STRING);\nCREATE STREAM Q (id STRING, n INT);\n"
                + "CREATE TABLE U (id STRING PRIMARY KEY, name STRING) WITH ('extension' = 'cache', 'cache.size' = '2');\n"
                + "INSERT INTO U SELECT id, name FROM Users;\n" + LOOKUP)
                .send("Users", 1, "a", "Ann").send("Users", 2, "b", "Bob").send("Q", 3, "a", 1)
                .send("Users", 4, "c", "Cid").send("Q", 5, "b", 2).send("Q", 6, "a", 3).send("Q", 7, "c", 4)
                .expect("3:[a, 1, Ann]", "6:[a, 3, Ann]", "7:[c, 4, Cid]");
    }
}
