package io.eventflux.persistence.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * End to end on the packaged bundle (the engine finds the store through ServiceLoader): an app with
 * {@code @app:persistence(store = 'redis', ...)} is stopped, and a new runtime (as a new process would)
 * restores its window from the Redis server of this machine.
 */
class RedisPersistenceRestartIT {
    private static final String PREFIX = "ef-test:e2e:";
    private static final String SNAPSHOTS = PREFIX + "{Counts}:snapshots";
    private Jedis redis;

    @BeforeEach
    void connect() {
        redis = LocalRedis.connect();
        LocalRedis.clean(redis, PREFIX);
    }

    @AfterEach
    void cleanUp() {
        if (redis != null) {
            LocalRedis.clean(redis, PREFIX);
            redis.close();
        }
    }

    private static String sql() {
        return """
                @app:name('Counts')
                @app:persistence(store = 'redis', url = '%s', prefix = '%s', keep = '2', interval = '0')
                CREATE STREAM Orders (id STRING, amount DOUBLE);
                INSERT INTO Sums SELECT sum(amount) AS total, count() AS n FROM Orders WINDOW('lengthBatch', 3);
                """.formatted(LocalRedis.URL, PREFIX);
    }

    private static EventFluxRuntime runtime() {
        return EventFluxRuntime.withServiceLoader(RedisPersistenceRestartIT.class.getClassLoader());
    }

    private static AppRuntime deploy(EventFluxRuntime rt, List<Event> out) throws Exception {
        AppRuntime app = rt.deploy(sql(), DeployOptions.playback());
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

    @Test
    void aRestartedAppResumesItsWindowFromRedis() throws Exception {
        List<Event> first = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, first);
            for (int i = 1; i <= 4; i++) {
                app.inputHandler("Orders").send(1000L + i, new Object[] {"e" + i, (double) i});
            }
        } // graceful shutdown: e4 is in the window, the snapshot is saved
        assertThat(rows(first)).containsExactly(List.of(6.0, 3L));
        assertThat(redis.hlen(SNAPSHOTS)).isEqualTo(1);

        List<Event> second = new CopyOnWriteArrayList<>();
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, second);
            app.inputHandler("Orders").send(2005L, new Object[] {"e5", 5.0});
            app.inputHandler("Orders").send(2006L, new Object[] {"e6", 6.0});
        }
        // e4 came back from Redis: 4 + 5 + 6
        assertThat(rows(second)).containsExactly(List.of(15.0, 3L));
        assertThat(redis.hlen(SNAPSHOTS)).as("keep = 2").isEqualTo(2);
        assertThat(redis.zcard(PREFIX + "{Counts}:revisions")).isEqualTo(2);
    }

    @Test
    void aCorruptNewestRevisionIsLoggedAndThePreviousOneRestored() throws Exception {
        try (EventFluxRuntime rt = runtime()) {
            AppRuntime app = deploy(rt, new CopyOnWriteArrayList<>());
            app.inputHandler("Orders").send(1001L, new Object[] {"e1", 1.0});
            assertThat(((AppRuntimeImpl) app).persistNow()).isPresent(); // window [e1]
            app.inputHandler("Orders").send(1002L, new Object[] {"e2", 2.0});
        } // the shutdown saves window [e1, e2] as the newest revision: corrupt it
        String newest = new RedisPersistenceStoreFactory().create(Map.of("url", LocalRedis.URL, "prefix", PREFIX))
                .lastRevision("Counts").orElseThrow();
        byte[] raw = redis.hget(SNAPSHOTS.getBytes(StandardCharsets.UTF_8), newest.getBytes(StandardCharsets.UTF_8));
        raw[raw.length - 2] ^= 0x10;
        redis.hset(SNAPSHOTS.getBytes(StandardCharsets.UTF_8), newest.getBytes(StandardCharsets.UTF_8), raw);

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
            AppRuntime app = deploy(rt, second);
            app.inputHandler("Orders").send(2005L, new Object[] {"e5", 5.0});
            app.inputHandler("Orders").send(2006L, new Object[] {"e6", 6.0});
        } finally {
            log.removeHandler(handler);
        }
        // the revision before it held [e1]: 1 + 5 + 6 (the corrupt one would have given 1 + 2 + 5)
        assertThat(rows(second)).containsExactly(List.of(12.0, 3L));
        assertThat(logged).anySatisfy(m -> assertThat(m).contains("snapshot revision " + newest)
                .contains("persistence store 'redis': revision " + newest + " of app 'Counts' (hash " + SNAPSHOTS)
                .contains("CRC32 checksum does not match")
                .contains("trying the revision before it"));
    }
}
