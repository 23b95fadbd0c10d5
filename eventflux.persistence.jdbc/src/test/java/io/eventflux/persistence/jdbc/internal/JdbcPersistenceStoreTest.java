package io.eventflux.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.store.PersistenceStore;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The jdbc persistence store against the real PostgreSQL and MariaDB of this machine. */
class JdbcPersistenceStoreTest {
    private static final String TABLE = "ef_persist_test";

    private static PersistenceStore store(String url, String user, String table, int keep) {
        return new JdbcPersistenceStoreFactory().create(Map.of("url", url, "username", user, "password", "",
                "table", table, "keep", String.valueOf(keep)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void createsTheTableSavesAndLoadsInOrderAndKeepsTheLastN(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        PersistenceStore store = store(url, user, TABLE, 3);
        assertThat(store.revisions("Shop")).isEmpty();
        assertThat(store.lastRevision("Shop")).isEmpty();
        for (int i = 1; i <= 5; i++) {
            store.save("Shop", "00000000000000" + i, bytes("state " + i));
        }
        store.save("Other", "000000000000001", bytes("other"));

        assertThat(store.revisions("Shop")).containsExactly("000000000000003", "000000000000004", "000000000000005");
        assertThat(store.lastRevision("Shop")).contains("000000000000005");
        assertThat(text(store.load("Shop", "000000000000004").orElseThrow())).isEqualTo("state 4");
        assertThat(store.load("Shop", "000000000000001")).as("pruned").isEmpty();
        assertThat(store.revisions("Other")).containsExactly("000000000000001");

        // a binary payload of 1 MB with every byte value comes back unchanged
        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        store.save("Shop", "000000000000006", big);
        assertThat(store.load("Shop", "000000000000006").orElseThrow()).isEqualTo(big);

        store.clear("Shop");
        assertThat(store.revisions("Shop")).isEmpty();
        assertThat(store.revisions("Other")).containsExactly("000000000000001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void appNamesAreExactAndARevisionSavedAgainIsReplaced(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        PersistenceStore store = store(url, user, TABLE, 3);
        store.save("Café", "0001", bytes("upper"));
        store.save("café", "0001", bytes("lower"));
        store.save("Café", "0001", bytes("upper again"));

        assertThat(text(store.load("Café", "0001").orElseThrow())).isEqualTo("upper again");
        assertThat(text(store.load("café", "0001").orElseThrow())).isEqualTo("lower");
        assertThat(store.revisions("Café")).containsExactly("0001");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void aCorruptOrTruncatedRowIsReportedNamingStoreAppAndRevisionWhileOlderOnesLoad(String db, String url,
            String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        PersistenceStore store = store(url, user, TABLE, 3);
        store.save("Shop", "0001", bytes("good state"));
        store.save("Shop", "0002", bytes("newer state"));
        Databases.update(url, user, "UPDATE " + TABLE + " SET payload_crc32 = payload_crc32 + 1 "
                + "WHERE revision = '0002'");

        assertThatThrownBy(() -> store.load("Shop", "0002")).isInstanceOf(IOException.class)
                .hasMessage("persistence store 'jdbc': revision 0002 of app 'Shop' in table " + TABLE + " at " + url
                        + " is corrupt: its CRC32 checksum does not match");
        assertThat(text(store.load("Shop", "0001").orElseThrow())).isEqualTo("good state");

        Databases.update(url, user, "UPDATE " + TABLE + " SET payload_size = payload_size + 5 WHERE revision = '0001'");
        assertThatThrownBy(() -> store.load("Shop", "0001")).isInstanceOf(IOException.class)
                .hasMessageContaining("revision 0001 of app 'Shop'").hasMessageContaining("truncated: 10 of 15 bytes");
    }

    /** A save that fails after its insert (here: in the pruning) leaves the revisions as they were. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void aFailedSaveIsRolledBackWhole(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        store(url, user, TABLE, 2); // creates the table
        JdbcPersistenceStore failing = new JdbcPersistenceStore(() -> failingBatches(
                DriverManager.getConnection(url, user, "")), new SnapshotTable(TABLE), 2, url, null, () -> 42L);
        failing.save("Shop", "0001", bytes("one"));
        failing.save("Shop", "0002", bytes("two"));

        assertThatThrownBy(() -> failing.save("Shop", "0003", bytes("three"))).isInstanceOf(IOException.class)
                .hasMessage("persistence store 'jdbc': saving revision 0003 of app 'Shop' in table " + TABLE + " at "
                        + url + " failed: injected failure");
        PersistenceStore store = store(url, user, TABLE, 2);
        assertThat(store.revisions("Shop")).containsExactly("0001", "0002");
        assertThat(text(store.load("Shop", "0001").orElseThrow())).isEqualTo("one");
    }

    /** The connection, whose prepared statements fail at executeBatch (the pruning step of a save). */
    private static Connection failingBatches(Connection real) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object out = invoke(real, method, args);
                    if (out instanceof PreparedStatement ps) {
                        return Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                                new Class<?>[] {PreparedStatement.class}, (p2, m2, a2) -> {
                                    if (m2.getName().equals("executeBatch")) {
                                        throw new SQLException("injected failure");
                                    }
                                    return invoke(ps, m2, a2);
                                });
                    }
                    return out;
                });
    }

    private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void aTableOfAnotherShapeIsNamed(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, "ef_persist_other");
        Databases.update(url, user, "CREATE TABLE ef_persist_other (app VARCHAR(10), revision VARCHAR(10))");
        assertThatThrownBy(() -> store(url, user, "ef_persist_other", 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("persistence store 'jdbc': cannot use table ef_persist_other at " + url
                        + " as " + user + ": ");
        Databases.dropTable(db, url, user, "ef_persist_other");
    }

    /** Apps starting together all open the store on a table that does not exist yet. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void storesOpenedAtOnceAllGetTheTable(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        List<CompletableFuture<PersistenceStore>> opening = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(6);
        for (int i = 0; i < 6; i++) {
            opening.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return store(url, user, TABLE, 3);
            }, threads));
        }
        go.countDown();
        try {
            for (int i = 0; i < opening.size(); i++) {
                opening.get(i).get(30, TimeUnit.SECONDS).save("App" + i, "0001", bytes("s" + i));
            }
        } finally {
            threads.shutdown();
        }
        assertThat(text(store(url, user, TABLE, 3).load("App5", "0001").orElseThrow())).isEqualTo("s5");
    }

    /** Old revisions go only when no kept revision depends on them (RevisionChain names: ID-BASE). */
    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void pruningKeepsTheRevisionsThatKeptIncrementalOnesDependOn(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        PersistenceStore store = store(url, user, TABLE, 2);
        store.save("Shop", "001", bytes("full 1"));
        store.save("Shop", "002-001", bytes("delta 2"));
        store.save("Shop", "003-001", bytes("delta 3"));
        assertThat(store.revisions("Shop")).as("both kept deltas need 001").containsExactly("001", "002-001",
                "003-001");
        store.save("Shop", "004", bytes("full 4"));
        assertThat(store.revisions("Shop")).containsExactly("001", "003-001", "004");
        store.save("Shop", "005-004", bytes("delta 5"));
        assertThat(store.revisions("Shop")).containsExactly("004", "005-004");
    }
}
