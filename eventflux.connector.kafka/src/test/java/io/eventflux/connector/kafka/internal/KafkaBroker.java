package io.eventflux.connector.kafka.internal;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node KRaft Kafka broker (combined broker and controller) in a child JVM, on free ports
 * and a temporary log directory. Its class path is the one Maven wrote for {@code kafka_2.13} (system
 * property {@code kafka.broker.classpath}, a file), so the tests' own class path has only kafka-clients.
 * Public, in this module's test jar, for the launcher's jar tests.
 */
public final class KafkaBroker implements AutoCloseable {
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path dir;
    private final int port;
    private final Process process;
    private final Admin admin;

    private KafkaBroker(Path dir, int port, Process process, Admin admin) {
        this.dir = dir;
        this.port = port;
        this.process = process;
        this.admin = admin;
    }

    public static KafkaBroker start() throws IOException, java.net.URISyntaxException {
        String classpathFile = System.getProperty("kafka.broker.classpath");
        if (classpathFile == null) {
            throw new IllegalStateException("system property kafka.broker.classpath is not set: run the tests with "
                    + "Maven (mvn verify), which writes the broker's class path");
        }
        String classpath = Files.readString(Path.of(classpathFile), StandardCharsets.UTF_8).trim();
        // under target/ (kafka.broker.workdir) so that a killed run leaves nothing behind after mvn clean
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("kafka.broker.workdir",
                System.getProperty("java.io.tmpdir"))), "kafka-broker");
        int port = freePort();
        int controllerPort = freePort();
        Path config = dir.resolve("server.properties");
        Files.writeString(config, String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("logs"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "auto.create.topics.enable=true") + "\n");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the broker's jars and BrokerMain (from this class's own class folder)
        String self = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        List<String> jvm = List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", classpath + File.pathSeparator + self);
        Path log = dir.resolve("broker.log");
        Process process = new ProcessBuilder(concat(jvm, BrokerMain.class.getName(), Uuid.randomUuid().toString(),
                config.toString())).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        KafkaBroker broker;
        try {
            broker = new KafkaBroker(dir, port, process, Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + port,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000")));
        } catch (RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        broker.awaitReady(log);
        return broker;
    }

    private void awaitReady(Path log) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the kafka broker exited (" + process.exitValue() + "): "
                        + Files.readString(log));
            }
            try {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the kafka broker did not start within " + READY_TIMEOUT);
    }

    public String bootstrap() {
        return "127.0.0.1:" + port;
    }

    /** Creates a topic and waits until it exists. */
    public void createTopic(String name, int partitions, Map<String, String> config) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all()
                .get(30, TimeUnit.SECONDS);
    }

    public void createTopic(String name, int partitions) throws Exception {
        createTopic(name, partitions, Map.of());
    }

    /** The group's committed offsets (partitions without a commit are absent). */
    public Map<TopicPartition, OffsetAndMetadata> committed(String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        offsets.values().removeIf(java.util.Objects::isNull);
        return offsets;
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
        process.destroy(); // SIGTERM: a clean shutdown in well under a second
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static List<String> concat(List<String> head, String... tail) {
        return Stream.concat(head.stream(), Stream.of(tail)).toList();
    }
}
