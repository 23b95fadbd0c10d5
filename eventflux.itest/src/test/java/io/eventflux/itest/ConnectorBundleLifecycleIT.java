package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * A connector bundle coming and going drives its apps: Felix starts without the http connector, so an app
 * with an http source and sink is WAITING for them; installing the bundle from its jar starts the app; the
 * app takes events over HTTP (real Jetty) into a length window and its sink POSTs the results to another
 * webhook of the same app; uninstalling the bundle puts the app back to WAITING with the window kept, and
 * installing it again resumes it: the next sums still include the events sent before. Stopping and
 * starting the bundle does the same.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorBundleLifecycleIT {
    private static final String HTTP_CONNECTOR = "eventflux.connector.http";

    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFluxWithout(HTTP_CONNECTOR);
    }

    @Test
    public void anAppWaitsForItsConnectorBundleAndKeepsItsWindowWhileTheBundleIsAway() throws Exception {
        assertNull("the framework started with the http connector", bundle());
        int in = freePort();
        int echo = freePort();
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH ('type' = 'source', 'extension' = 'http',
                    'format' = 'json', 'http.port' = '%d', 'http.path' = '/orders');
                CREATE STREAM Totals (total DOUBLE, n LONG) WITH ('type' = 'sink', 'extension' = 'http',
                    'format' = 'json', 'http.url' = 'http://127.0.0.1:%d/totals');
                CREATE STREAM Echo (total DOUBLE, n LONG) WITH ('type' = 'source', 'extension' = 'http',
                    'format' = 'json', 'http.port' = '%d', 'http.path' = '/totals');
                INSERT INTO Totals SELECT sum(amount) AS total, count() AS n FROM Orders WINDOW('length', 3);
                """.formatted(in, echo, echo), DeployOptions.defaults().withName("itest-connector-bundle"));
        try {
            assertEquals(AppState.WAITING, app.info().state());
            assertEquals(Set.of("source:http", "sink:http"), app.info().waitingFor());
            List<String> totals = new CopyOnWriteArrayList<>();
            List<String> echoed = new CopyOnWriteArrayList<>();
            // callbacks on the app follow it across its runs
            app.addCallback("Totals", events -> events.forEach(e -> totals.add(row(e))));
            app.addCallback("Echo", events -> events.forEach(e -> echoed.add(row(e))));

            Bundle connector = install();
            awaitState(app, AppState.RUNNING);
            assertEquals(202, post(in, "{\"id\":\"o1\",\"amount\":1}"));
            assertEquals(202, post(in, "{\"id\":\"o2\",\"amount\":2}"));
            awaitRows("the first totals", totals, 2);
            assertEquals(List.of("1.0/1", "3.0/2"), totals);
            // the sink POSTed them to the app's own webhook (order over HTTP is not guaranteed)
            awaitRows("the first totals over HTTP", echoed, 2);
            assertEquals(Set.of("1.0/1", "3.0/2"), Set.copyOf(echoed));

            connector.uninstall();
            awaitState(app, AppState.WAITING);
            assertEquals(Set.of("source:http", "sink:http"), app.info().waitingFor());
            assertTrue("the webhook still listens after its bundle left", refused(in));

            Bundle again = install();
            awaitState(app, AppState.RUNNING);
            assertEquals(202, post(in, "{\"id\":\"o3\",\"amount\":4}"));
            assertEquals(202, post(in, "{\"id\":\"o4\",\"amount\":8}"));
            awaitRows("the totals after the bundle came back", totals, 4);
            // 1 + 2 + 4 and 2 + 4 + 8: the window kept o1 and o2 while the app waited (lost: 4/1 and 12/2)
            assertEquals(List.of("1.0/1", "3.0/2", "7.0/3", "14.0/3"), totals);
            awaitRows("the later totals over HTTP", echoed, 4);
            assertEquals(Set.of("1.0/1", "3.0/2", "7.0/3", "14.0/3"), Set.copyOf(echoed));

            // stopping and starting the bundle (no uninstall) does the same
            again.stop();
            awaitState(app, AppState.WAITING);
            again.start();
            awaitState(app, AppState.RUNNING);
            assertEquals(202, post(in, "{\"id\":\"o5\",\"amount\":16}"));
            awaitRows("the totals after a bundle restart", totals, 5);
            assertEquals("4 + 8 + 16", "28.0/3", totals.get(4));
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    private Bundle install() throws Exception {
        Bundle b = context.installBundle(EventFluxOptions.jar(HTTP_CONNECTOR).toURI().toString());
        b.start();
        return b;
    }

    private Bundle bundle() {
        for (Bundle b : context.getBundles()) {
            if (HTTP_CONNECTOR.equals(b.getSymbolicName())) {
                return b;
            }
        }
        return null;
    }

    private static String row(Event e) {
        return e.data()[0] + "/" + e.data()[1];
    }

    private static void awaitState(AppRuntime app, AppState state) {
        Await.until("app " + app.name() + " " + state + " (it is " + app.info() + ")",
                () -> app.info().state() == state ? Boolean.TRUE : null);
    }

    private static void awaitRows(String what, List<String> rows, int count) {
        Await.until(what + " (have " + rows + ")", () -> rows.size() >= count ? Boolean.TRUE : null);
    }

    private static int post(int port, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/orders").toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setConnectTimeout(5_000);
        c.setReadTimeout(10_000);
        c.setRequestProperty("Content-Type", "application/json");
        try (OutputStream o = c.getOutputStream()) {
            o.write(body.getBytes(StandardCharsets.UTF_8));
        }
        int status = c.getResponseCode();
        c.disconnect();
        return status;
    }

    /** Whether nothing listens on the port any more (the webhook server stopped with its bundle). */
    private static boolean refused(int port) {
        try (java.net.Socket s = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
