package io.eventflux.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end on the packaged bundle (the engine finds the store through ServiceLoader): an app with
 * {@code @app:persistence(store = 'jdbc', ...)} is stopped, and a new runtime (as a new process would)
 * restores its window from the database of this machine.
 */
class JdbcPersistenceRestartIT {
    private static final String TABLE = "ef_persist_e2e";

    private static String sql(String url, String user) {
        return """
                @app:name('Counts')
                @app:persistence(store = 'jdbc', url = '%s', username = '%s', password = '', table = '%s',
                  keep = '2', interval = '0')
                CREATE STREAM Orders (id STRING, amount DOUBLE);
                INSERT INTO Sums SELECT sum(amount) AS total, count() AS n FROM Orders WINDOW('lengthBatch', 3);
                """.formatted(url, user, TABLE);
    }

    private static EventFluxRuntime runtime() {
        return EventFluxRuntime.withServiceLoader(JdbcPersistenceRestartIT.class.getClassLoader());
    }

    private static AppRuntime deploy(EventFluxRuntime rt, String url, String user, List<Event> out)
            throws Exception {
        AppRuntime app = rt.deploy(sql(url, user), DeployOptions.playback());
        app.addCallback("Sums", out::addAll);
        return app;
    }

    private static List<Object> rows(List<Event> events) {
        List<Object> out = new ArrayList<>();
        for (Event e : events) {
            out.add(List.of(e.get(0), e.get(1)));
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void aRestartedAppResumesItsWindowFromTheDatabase(String db, String url, String user) throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        List<Event> first = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, url, user, first);
            for (int i = 1; i <= 4; i++) {
                app.inputHandler("Orders").send(1000L + i, new Object[] {"e" + i, (double) i});
            }
        } // graceful shutdown: e4 is in the window, the snapshot is saved
        assertThat(rows(first)).containsExactly(List.of(6.0, 3L));
        assertThat(count(url, user, "SELECT COUNT(*) FROM " + TABLE + " WHERE app = 'Counts'")).isEqualTo(1);

        List<Event> second = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, url, user, second);
            app.inputHandler("Orders").send(2005L, new Object[] {"e5", 5.0});
            app.inputHandler("Orders").send(2006L, new Object[] {"e6", 6.0});
        }
        // e4 came back from the database: 4 + 5 + 6
        assertThat(rows(second)).containsExactly(List.of(15.0, 3L));
        assertThat(count(url, user, "SELECT COUNT(*) FROM " + TABLE + " WHERE app = 'Counts'")).as("keep = 2")
                .isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.eventflux.persistence.jdbc.internal.Databases#all")
    void aCorruptNewestRevisionIsLoggedAndThePreviousOneRestored(String db, String url, String user)
            throws Exception {
        Databases.dropTable(db, url, user, TABLE);
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, url, user, new CopyOnWriteArrayList<>());
            app.inputHandler("Orders").send(1001L, new Object[] {"e1", 1.0});
            assertThat(((AppRuntimeImpl) app).persistNow()).isPresent(); // window [e1]
            app.inputHandler("Orders").send(1002L, new Object[] {"e2", 2.0});
        } // the shutdown saves window [e1, e2] as the newest revision: corrupt it
        String newest = new JdbcPersistenceStoreFactory().create(Map.of("url", url, "username", user,
                "table", TABLE)).lastRevision("Counts").orElseThrow();
        assertThat(Databases.update(url, user, "UPDATE " + TABLE + " SET payload_crc32 = payload_crc32 + 1 "
                + "WHERE app = 'Counts' AND revision = '" + newest + "'")).isEqualTo(1);

        List<String> logged = new CopyOnWriteArrayList<>();
        Logger log = Logger.getLogger("io.eventflux.engine.internal.app.AppPersistence");
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord r) {
                logged.add(r.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        log.addHandler(handler);
        List<Event> second = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, url, user, second);
            app.inputHandler("Orders").send(2005L, new Object[] {"e5", 5.0});
            app.inputHandler("Orders").send(2006L, new Object[] {"e6", 6.0});
        } finally {
            log.removeHandler(handler);
        }
        // the revision before it held [e1]: 1 + 5 + 6 (the corrupt one would have given 1 + 2 + 5)
        assertThat(rows(second)).containsExactly(List.of(12.0, 3L));
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("snapshot revision " + newest)
                .contains("persistence store 'jdbc': revision " + newest)
                .contains("of app 'Counts' in table " + TABLE).contains("CRC32 checksum does not match")
                .contains("trying the revision before it"));
    }

    private static int count(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
