package io.eventflux.connector.mqtt.internal;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * MQTT brokers for the tests: the machine's Mosquitto (127.0.0.1:1883), or a private {@code mosquitto}
 * child process on a free port with its own persistence folder, which a test may stop and start again
 * (a real broker restart: persistent sessions and their queued messages are saved on SIGTERM and loaded
 * again). Tests skip when Mosquitto is not there, and fail instead when {@code CI=true}.
 */
final class Mosquitto implements AutoCloseable {
    static final String SHARED = "tcp://127.0.0.1:1883";

    private final int port;
    private final Path dir;
    private Process process;

    private Mosquitto(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    private static void unavailable(String message, Exception cause) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(message + ": CI=true requires it", cause);
        }
        Assumptions.abort(message + ": skipped");
    }

    /** The machine's broker, checked. */
    static String shared() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 2000);
        } catch (IOException e) {
            unavailable("Mosquitto is not reachable at 127.0.0.1:1883 (" + e + ")", e);
        }
        return SHARED;
    }

    /** A private broker of this test, started. */
    static Mosquitto start() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path dir = Files.createTempDirectory("eventflux-mosquitto");
        // mosquitto started as root runs as user mosquitto: it must be able to write its database here
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("mosquitto.conf"), "listener " + port + " 127.0.0.1\n"
                + "allow_anonymous true\npersistence true\npersistence_location " + dir + "/\n"
                + "max_queued_messages 100000\n");
        Mosquitto m = new Mosquitto(port, dir);
        m.launch();
        return m;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    private void launch() throws Exception {
        try {
            process = new ProcessBuilder("mosquitto", "-c", dir.resolve("mosquitto.conf").toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.log").toFile()).start();
        } catch (IOException e) {
            unavailable("cannot run mosquitto (" + e + ")", e);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("mosquitto did not start on port " + port + ": "
                            + Files.readString(dir.resolve("mosquitto.log")), e);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }
    }

    /** Stops the broker (SIGTERM: it saves sessions and queued messages). */
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Stops and starts the broker on the same port with the same database. */
    void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void close() throws Exception {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }

    static ConnectorSpec spec(String stream, Map<String, String> options, String... attributes) {
        List<Attribute> list = new ArrayList<>();
        for (String a : attributes) {
            list.add(new Attribute(a, AttributeType.STRING));
        }
        return new ConnectorSpec("app", new StreamSchema(stream, list), options);
    }

    static Map<String, String> options(String url, String... pairs) {
        Map<String, String> o = new HashMap<>();
        o.put("mqtt.url", url);
        for (int i = 0; i < pairs.length; i += 2) {
            o.put(pairs[i], pairs[i + 1]);
        }
        return o;
    }

    static List<String> range(String prefix, int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(prefix + i);
        }
        return out;
    }
}
