package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.AppState;
import io.eventflux.api.Event;
import io.eventflux.api.QueryResult;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.SnapshotInfo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.inject.Inject;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The eventflux Gogo commands in a real framework, and apps across bundle changes: stopping the window
 * bundle an app uses makes it WAIT and starting it again resumes it with its window; updating a function
 * bundle swaps the UDF and keeps the window. A fresh framework per method (bundles are stopped and updated).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ShellLifecycleIT {
    private static final String TRADES = """
            @app:name('trades')
            CREATE STREAM Trades (sym STRING, qty INT);
            CREATE TABLE Totals (sym STRING, qty INT, PRIMARY KEY (sym));
            INSERT INTO Big SELECT sym, sum(qty) AS total FROM Trades WINDOW('length', 3);
            INSERT INTO Totals SELECT sym, qty FROM Trades;
            """;

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor processor;

    @Inject
    private EventFluxManagement management;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    private CommandSession session() {
        return processor.createSession(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
    }

    private static String text(CommandSession session, Object result) {
        return session.format(result, Converter.INSPECT).toString();
    }

    private static String deployFile(CommandSession session, String sql) throws Exception {
        Path file = Files.createTempFile("eventflux-itest", ".sql");
        Files.writeString(file, sql);
        Object deployed = session.execute("eventflux:deploy " + file);
        return ((AppSummary) deployed).name();
    }

    @Test
    public void anAppDeployedThroughGogoRunsAndAnswersSendTraceQueryStatsAndSnapshots() throws Exception {
        try (CommandSession session = session()) {
            assertEquals("trades", deployFile(session, TRADES));
            assertTrue(text(session, session.execute("eventflux:apps")), text(session, session.execute("eventflux:apps"))
                    .contains("trades  RUNNING"));

            CompletableFuture<Object> traced = CompletableFuture.supplyAsync(() -> {
                try (CommandSession tracing = session()) {
                    return tracing.execute("eventflux:trace -t 20 trades Big 2");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // the trace subscribes on its own thread: send until it has seen two events (bounded)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!traced.isDone() && System.nanoTime() < deadline) {
                assertEquals("sent 1 event to trades/Trades",
                        session.execute("eventflux:send trades Trades '{\"sym\": \"A\", \"qty\": 1}'"));
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            List<?> events = (List<?>) traced.get(5, TimeUnit.SECONDS);
            assertEquals(2, events.size());
            assertTrue(text(session, events), text(session, events).contains(" [A, "));

            session.execute("eventflux:send trades Trades '[[\"B\", 5]]'");
            QueryResult rows = Await.until("B in the table", () -> {
                try {
                    QueryResult r = (QueryResult) session.execute("eventflux:query trades 'SELECT sym, qty FROM Totals WHERE qty > 4'");
                    return r.rows().isEmpty() ? null : r;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertEquals("sym  qty\nB    5\n(1 row)", text(session, rows));

            AppStats stats = (AppStats) session.execute("eventflux:stats trades");
            assertTrue(stats.toString(), stats.eventsIn() >= 3 && stats.ringCapacity() > 0);
            assertTrue(text(session, session.execute("eventflux:stats")).startsWith("apps: 1 running"));
            String status = text(session, session.execute("eventflux:status trades"));
            assertTrue(status, status.startsWith("app trades: RUNNING") && status.contains("Trades  in"));

            SnapshotInfo snapshot = (SnapshotInfo) session.execute("eventflux:snapshot trades");
            assertEquals("1", snapshot.revision());
            assertEquals(snapshot, session.execute("eventflux:restore trades 1"));

            String windows = text(session, session.execute("eventflux:extensions window"));
            assertTrue(windows, windows.contains("window  length") && windows.contains("PARAMETERS"));
            assertEquals("undeployed trades", session.execute("eventflux:undeploy trades"));
        }
    }

    @Test
    public void aPersistedAppsSnapshotsAreInItsStoreAndSurviveARedeployAndAnEngineRestart() throws Exception {
        Path state = Files.createTempDirectory("eventflux-itest-state");
        String sql = TRADES.replace("@app:name('trades')", "@app:name('trades')\n@app:persistence(dir = '"
                + state.toString().replace("\\", "/") + "', interval = '0')");
        try (CommandSession session = session()) {
            deployFile(session, sql);
            session.execute("eventflux:send trades Trades '[[\"A\", 1], [\"A\", 2]]'");
            Await.until("two events in", () -> management.stats("trades").eventsIn() >= 2 ? Boolean.TRUE : null);
            SnapshotInfo first = (SnapshotInfo) session.execute("eventflux:snapshot trades");
            assertTrue(first.toString(), first.stored() && first.base() == null && first.bytes() > 0);
            session.execute("eventflux:send trades Trades '{\"sym\": \"A\", \"qty\": 4}'");
            Await.until("three events in", () -> management.stats("trades").eventsIn() >= 3 ? Boolean.TRUE : null);
            SnapshotInfo second = (SnapshotInfo) session.execute("eventflux:snapshot trades");
            assertEquals(first.revision(), second.base());
            String listed = text(session, session.execute("eventflux:snapshots trades"));
            assertTrue(listed, listed.contains(first.revision()) && listed.contains(second.revision())
                    && listed.contains("store"));
            assertEquals("undeployed trades", session.execute("eventflux:undeploy trades"));
        }
        // the engine bundle restarts: a new runtime, nothing in memory
        Bundle engine = bundle("eventflux.engine");
        engine.stop();
        engine.start();
        try (CommandSession session = session()) {
            String deployed = text(session, Await.until("the management service", () -> {
                try {
                    return session.execute("eventflux:deploy " + Files.writeString(Files.createTempFile("eventflux-itest",
                            ".sql"), sql));
                } catch (Exception e) {
                    return null;
                }
            }));
            assertTrue(deployed, deployed.contains("state from revision"));
            @SuppressWarnings("unchecked")
            List<SnapshotInfo> stored = (List<SnapshotInfo>) session.execute("eventflux:snapshots trades");
            // the two taken above and the one saved at the undeploy
            assertEquals(3, stored.size());
            List<Event> out = new CopyOnWriteArrayList<>();
            ServiceReference<EventFluxManagement> ref = context.getServiceReference(EventFluxManagement.class);
            context.getService(ref).trace("trades", "Big", out::addAll);
            // back to the first revision: the window holds 1 and 2 (the 4 after it is gone)
            assertEquals(stored.get(0).revision(),
                    ((SnapshotInfo) session.execute("eventflux:restore trades " + stored.get(0).revision())).revision());
            session.execute("eventflux:send trades Trades '{\"sym\": \"A\", \"qty\": 10}'");
            Await.until("an output", () -> out.isEmpty() ? null : out);
            assertEquals(13L, out.get(0).data()[1]);
            assertEquals("undeployed trades", session.execute("eventflux:undeploy trades"));
        }
    }

    @Test
    public void stoppingTheWindowBundleMakesTheAppWaitAndStartingItResumesItWithItsWindow() throws Exception {
        try (CommandSession session = session()) {
            deployFile(session, TRADES);
            List<Event> out = new CopyOnWriteArrayList<>();
            management.trace("trades", "Big", out::addAll);
            session.execute("eventflux:send trades Trades '[[\"A\", 1], [\"A\", 2]]'");
            Await.until("two outputs", () -> out.size() >= 2 ? out : null);

            Bundle length = bundle("eventflux.window.length");
            length.stop();
            Await.until("the app to wait", () -> state("trades") == AppState.WAITING ? Boolean.TRUE : null);
            String apps = text(session, session.execute("eventflux:apps"));
            assertTrue(apps, apps.contains("waiting for window:length"));

            length.start();
            Await.until("the app to resume", () -> state("trades") == AppState.RUNNING ? Boolean.TRUE : null);
            session.execute("eventflux:send trades Trades '{\"sym\": \"A\", \"qty\": 3}'");
            Await.until("a third output", () -> out.size() >= 3 ? out : null);
            // 1 + 2 + 3: the window kept its content across the bundle's absence
            assertEquals(List.of(1L, 3L, 6L), out.stream().map(e -> e.data()[1]).toList());
            assertEquals(1, management.stats("trades").restarts());
        }
    }

    @Test
    public void updatingAFunctionBundleSwapsTheUdfAndKeepsTheWindow() throws Exception {
        Bundle udf = context.installBundle("itest:scale", new ByteArrayInputStream(UdfBundles.scale(1)));
        udf.start();
        Await.service(context, "(eventflux.extension.name=scale)");
        try (CommandSession session = session()) {
            deployFile(session, """
                    @app:name('scaled')
                    CREATE STREAM Trades (sym STRING, qty INT);
                    INSERT INTO Out SELECT scale:times(qty) AS scaled, sum(qty) AS total FROM Trades WINDOW('length', 3);
                    """);
            List<Event> out = new CopyOnWriteArrayList<>();
            management.trace("scaled", "Out", out::addAll);
            session.execute("eventflux:send scaled Trades '[[\"A\", 1], [\"A\", 2]]'");
            Await.until("two outputs", () -> out.size() >= 2 ? out : null);

            udf.update(new ByteArrayInputStream(UdfBundles.scale(2)));
            assertEquals("2.0.0", udf.getVersion().toString());
            Await.until("the app to run on version 2", () -> state("scaled") == AppState.RUNNING
                    && management.stats("scaled").restarts() == 1 ? Boolean.TRUE : null);
            session.execute("eventflux:send scaled Trades '[[\"A\", 3]]'");
            Await.until("a third output", () -> out.size() >= 3 ? out : null);
            // version 1 scaled by 10, version 2 by 100; the window's sum kept 1 and 2
            assertEquals(List.of(List.of(10, 1L), List.of(20, 3L), List.of(300, 6L)),
                    out.stream().map(e -> List.of(e.data())).toList());
        } finally {
            udf.uninstall();
        }
    }

    private AppState state(String app) {
        return management.status(app).summary().state();
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail("no bundle " + symbolicName);
        return null;
    }
}
