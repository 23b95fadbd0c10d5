package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * An app deployed through the {@link EventFlux} OSGi service runs end to end: the engine finds the
 * length window, the avg aggregator and the string function library in the service registry.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployThroughServiceIT {
    static final String AVG_APP = """
            CREATE STREAM S (symbol STRING, price DOUBLE);
            INSERT INTO Out SELECT symbol, avg(price) AS avgPrice, upper(symbol) AS u FROM S WINDOW('length', 2);
            """;

    /** AVG_APP's output for the three events of {@link #send}: the window holds the last two prices. */
    static final List<Event> EXPECTED_AVG_OUTPUT = List.of(
            new Event(1000, new Object[] {"ibm", 10.0, "IBM"}),
            new Event(2000, new Object[] {"ibm", 15.0, "IBM"}),
            new Event(3000, new Object[] {"msft", 40.0, "MSFT"}));

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void slidingAverageWithAFunctionProducesTheExactOutput() throws Exception {
        AppRuntime app = eventFlux.deploy(AVG_APP, DeployOptions.playback().withName("itest-avg"));
        try {
            assertEquals(AppState.RUNNING, app.info().state());
            assertEquals(new StreamSchema("Out", List.of(new Attribute("symbol", AttributeType.STRING),
                    new Attribute("avgPrice", AttributeType.DOUBLE), new Attribute("u", AttributeType.STRING))),
                    app.stream("Out").orElseThrow());

            assertEquals(EXPECTED_AVG_OUTPUT, sendAvgEvents(app));
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /** The default mode: events go through the app's Disruptor ring buffer to its writer thread. */
    @Test
    public void asynchronousModeRunsTheQueryOnTheAppsWriterThread() throws Exception {
        AppRuntime app = eventFlux.deploy(AVG_APP, DeployOptions.defaults().withName("itest-async"));
        try {
            List<Event> out = new CopyOnWriteArrayList<>();
            Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();
            try (AutoCloseable callback = app.addCallback("Out", events -> {
                callbackThreads.add(Thread.currentThread());
                out.addAll(events);
            })) {
                send(app.inputHandler("S"));
                Await.until("3 events on Out", () -> out.size() >= EXPECTED_AVG_OUTPUT.size() ? out : null);
            }
            assertEquals(EXPECTED_AVG_OUTPUT, out);
            assertEquals(1, callbackThreads.size());
            assertNotEquals(Thread.currentThread(), callbackThreads.iterator().next());
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /** cron-utils (with slf4j 2 through SPI Fly, and javax.validation) works inside Felix; so do partitions. */
    @Test
    public void cronTriggerCronWindowAndPartitionRunInOsgi() throws Exception {
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                CREATE TRIGGER Every5s AT CRON '*/5 * * * * *';
                INSERT INTO Out SELECT triggered_time AS t FROM Every5s;
                INSERT INTO Batches SELECT count() AS n FROM S WINDOW('cron', '*/5 * * * * *');
                PARTITION WITH (symbol OF S) BEGIN
                  INSERT INTO Counts SELECT symbol, count() AS n FROM S;
                END;
                """, DeployOptions.playback().withName("itest-cron"));
        try {
            List<Event> out = new CopyOnWriteArrayList<>();
            List<Event> batches = new CopyOnWriteArrayList<>();
            List<Event> counts = new CopyOnWriteArrayList<>();
            try (AutoCloseable a = app.addCallback("Out", out::addAll);
                    AutoCloseable b = app.addCallback("Batches", batches::addAll);
                    AutoCloseable c = app.addCallback("Counts", counts::addAll)) {
                send(app.inputHandler("S"));
                app.advanceTime(10_000);
            }
            assertEquals(List.of(new Event(5000, new Object[] {5000L}), new Event(10_000, new Object[] {10_000L})), out);
            assertEquals(List.of(new Event(5000, new Object[] {3L})), batches);
            assertEquals(List.of(new Event(1000, new Object[] {"ibm", 1L}), new Event(2000, new Object[] {"ibm", 2L}),
                    new Event(3000, new Object[] {"msft", 1L})), counts);
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /** A table on the default inMemory store bundle: a stream-table join and an on-demand query. */
    @Test
    public void tableJoinAndOnDemandQuery() throws Exception {
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Users (id STRING, name STRING);
                CREATE STREAM Q (id STRING);
                CREATE TABLE U (id STRING PRIMARY KEY, name STRING);
                INSERT INTO U SELECT id, name FROM Users;
                INSERT INTO Out SELECT Q.id AS id, name FROM Q JOIN U ON Q.id = U.id;
                """, DeployOptions.playback().withName("itest-table"));
        try {
            List<Event> out = new CopyOnWriteArrayList<>();
            try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
                app.inputHandler("Users").send(1L, new Object[] {"a", "Ann"});
                app.inputHandler("Q").send(2L, new Object[] {"a"});
            }
            assertEquals(List.of(new Event(2, new Object[] {"a", "Ann"})), out);
            assertEquals(List.of(List.of("Ann")), app.query("SELECT name FROM U WHERE id = 'a'").rowLists());
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    @Test
    public void undeployRemovesTheApp() throws Exception {
        AppRuntime app = eventFlux.deploy(AVG_APP, DeployOptions.playback().withName("itest-undeploy"));
        assertTrue(eventFlux.app("itest-undeploy").isPresent());

        assertTrue(eventFlux.undeploy(app.name()));

        assertFalse(eventFlux.app("itest-undeploy").isPresent());
        assertFalse(eventFlux.undeploy(app.name()));
    }

    /**
     * A window condition is typed by the sql bundle and run by the engine bundle, with the sum aggregator
     * bundle's instances, for a window bundle that sees only the API.
     */
    @Test
    public void expressionWindowConditionRunsAcrossTheBundles() throws Exception {
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM S (symbol STRING, price DOUBLE);
                INSERT ALL EVENTS INTO Out SELECT symbol, price FROM S WINDOW('expression', 'sum(price) <= 30');
                """, DeployOptions.playback().withName("itest-expression"));
        try {
            List<Event> out = new CopyOnWriteArrayList<>();
            try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
                send(app.inputHandler("S"));
            }
            assertEquals(List.of(new Event(1000, new Object[] {"ibm", 10.0}),
                    new Event(2000, new Object[] {"ibm", 20.0}),
                    new Event(3000, new Object[] {"ibm", 10.0}, true),
                    new Event(3000, new Object[] {"ibm", 20.0}, true),
                    new Event(3000, new Object[] {"msft", 60.0}),
                    new Event(3000, new Object[] {"msft", 60.0}, true)), out);
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /**
     * Sends the three events (inline mode: the queries run on this thread, so the output is complete
     * when {@code send} returns) and returns what the callback collected on Out.
     */
    static List<Event> sendAvgEvents(AppRuntime app) throws Exception {
        List<Event> out = new CopyOnWriteArrayList<>();
        try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
            send(app.inputHandler("S"));
        }
        return out;
    }

    private static void send(InputHandler in) {
        in.send(1000L, new Object[] {"ibm", 10.0});
        in.send(2000L, new Object[] {"ibm", 20.0});
        in.send(3000L, new Object[] {"msft", 60.0});
    }
}
