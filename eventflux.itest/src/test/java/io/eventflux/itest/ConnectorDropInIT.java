package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The tcp and websocket connector bundles are not there when an app that needs them is deployed (it
 * waits for them); dropped into the deploy folder (FileInstall), they start it, and real traffic flows
 * through Felix: a socket client to a tcp source, a tcp sink to a socket server; a WebSocket client (the
 * JDK's) to a websocket server source, a websocket sink to a second server-source stream. A fresh
 * framework per method, since each test uninstalls a bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ConnectorDropInIT {
    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    /** Uninstalls the bundle and returns the jar it came from. */
    private Path uninstall(String symbolicName) throws Exception {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                Path jar = Path.of(URI.create(b.getLocation()));
                b.uninstall();
                return jar;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** Copies the jar into FileInstall's folder (written aside, then moved in, as the README says). */
    private Path drop(Path jar) throws Exception {
        Path dir = Path.of(context.getProperty("felix.fileinstall.dir"));
        Files.createDirectories(dir);
        Path aside = dir.resolveSibling(jar.getFileName() + ".part");
        Files.copy(jar, aside, StandardCopyOption.REPLACE_EXISTING);
        return Files.move(aside, dir.resolve(jar.getFileName()), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Bounded polling, longer than {@link Await#TIMEOUT}: FileInstall polls every second, then the app starts. */
    private static void awaitState(AppRuntime app, AppState state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (app.info().state() != state) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("app " + app.name() + " is not " + state + " after 60 s: " + app.info());
            }
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    public void theTcpBundleDroppedIntoTheDeployFolderStartsAWaitingApp() throws Exception {
        Path jar = uninstall("eventflux.connector.tcp");
        int in = freePort();
        try (ServerSocket consumer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            AppRuntime app = eventFlux.deploy("""
                    CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'tcp',
                        format = 'json', tcp.port = '%d');
                    CREATE STREAM Big (id STRING, amount DOUBLE) WITH (type = 'sink', extension = 'tcp',
                        format = 'json', tcp.port = '%d');
                    INSERT INTO Big SELECT * FROM Orders WHERE amount > 10;
                    """.formatted(in, consumer.getLocalPort()), DeployOptions.defaults().withName("tcp-drop-in"));
            assertEquals(AppState.WAITING, app.info().state());
            assertTrue(app.info().waitingFor().toString(), app.info().waitingFor().contains("source:tcp"));

            Path dropped = drop(jar);
            try {
                awaitState(app, AppState.RUNNING);
                consumer.setSoTimeout(10_000);
                try (Socket client = new Socket(InetAddress.getLoopbackAddress(), in)) {
                    OutputStream out = client.getOutputStream();
                    out.write("{\"id\":\"a\",\"amount\":5}\n{\"id\":\"b\",\"amount\":50}\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    try (Socket s = consumer.accept(); BufferedReader read = new BufferedReader(
                            new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
                        assertEquals("{\"id\":\"b\",\"amount\":50.0}", read.readLine());
                    }
                }
            } finally {
                eventFlux.undeploy(app.name());
                Files.deleteIfExists(dropped);
            }
        }
    }

    @Test
    public void theWebsocketBundleDroppedIntoTheDeployFolderStartsAWaitingApp() throws Exception {
        Path jar = uninstall("eventflux.connector.websocket");
        int port = freePort();
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'websocket',
                    format = 'json', websocket.mode = 'server', websocket.port = '%d', websocket.path = '/orders');
                CREATE STREAM Forward (id STRING, amount DOUBLE) WITH (type = 'sink', extension = 'websocket',
                    format = 'json', websocket.url = 'ws://127.0.0.1:%d/big',
                    websocket.connect.timeout.ms = '2000', error.strategy = 'retry', error.retry.max-attempts = '50');
                CREATE STREAM Big (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'websocket',
                    format = 'json', websocket.mode = 'server', websocket.port = '%d', websocket.path = '/big');
                INSERT INTO Forward SELECT * FROM Orders WHERE amount > 10;
                """.formatted(port, port, port), DeployOptions.defaults().withName("ws-drop-in"));
        assertEquals(AppState.WAITING, app.info().state());
        assertTrue(app.info().waitingFor().toString(), app.info().waitingFor().contains("source:websocket"));
        List<Event> big = new CopyOnWriteArrayList<>();
        app.addCallback("Big", big::addAll);

        Path dropped = drop(jar);
        try {
            awaitState(app, AppState.RUNNING);
            WebSocket ws = Await.until("the websocket source to accept", () -> {
                try {
                    return HttpClient.newHttpClient().newWebSocketBuilder()
                            .buildAsync(URI.create("ws://127.0.0.1:" + port + "/orders"), new WebSocket.Listener() {
                                @Override
                                public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                    w.request(1);
                                    return null;
                                }
                            }).get(5, TimeUnit.SECONDS);
                } catch (Exception notYet) {
                    return null; // the sink may still be connecting, the server starting
                }
            });
            ws.sendText("{\"id\":\"a\",\"amount\":5}", true).get(5, TimeUnit.SECONDS);
            ws.sendText("{\"id\":\"b\",\"amount\":50}", true).get(5, TimeUnit.SECONDS);
            Await.until("the forwarded order", () -> big.isEmpty() ? null : big);
            assertEquals(List.of("b", 50.0), List.of(big.get(0).data()));
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        } finally {
            eventFlux.undeploy(app.name());
            Files.deleteIfExists(dropped);
        }
    }
}
