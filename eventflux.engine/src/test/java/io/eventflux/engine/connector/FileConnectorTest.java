package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real file connector bundle and json mapper in an app, found the plain-Java way (ServiceLoader). */
class FileConnectorTest {
    @TempDir
    Path dir;

    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void jsonLinesThroughAQueryIntoAFileAcrossARotationWithBadLinesInTheDeadLetterStream() throws Exception {
        Path in = Files.writeString(dir.resolve("orders.jsonl"), """
                {"id": "a", "amount": 5}
                {"id": "b", "amount": 50}
                {"id": "c", "amount": "lots"}
                {"id": "d", "amount":
                {"id": "e", "amount": 20.5}
                """);
        Path out = dir.resolve("big.jsonl");
        List<Event> errors = new CopyOnWriteArrayList<>();
        runtime.deploy("""
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '10',
                  error.strategy = 'dlq', error.dlq.stream = 'Errors');
                CREATE STREAM Errors (originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG,
                  attemptCount INT, streamName STRING);
                CREATE STREAM Big (id STRING, amount DOUBLE) WITH (type = 'sink', extension = 'file', format = 'json',
                  file.path = '%s', file.flush.interval.ms = '0');
                INSERT INTO Big SELECT id, amount FROM Orders WHERE amount > 10;
                """.formatted(in, out), DeployOptions.defaults().withName("files"),
                // before the source starts: it may read (and dead-letter) the first lines at once
                built -> built.addCallback("Errors", errors::addAll));

        assertThat(Polling.await(() -> lines(out).size() == 2, 10)).as("b and e written").isTrue();
        Path rotated = Files.move(in, dir.resolve("orders.jsonl.1"));
        Files.writeString(rotated, "{\"id\": \"f\", \"amount\": 11}\n", StandardOpenOption.APPEND);
        Files.writeString(in, "{\"id\": \"g\", \"amount\": 99}\n{\"id\": \"h\", \"amount\": 1}\n{\"id\": \"i\", \"amount\": true}\n");
        assertThat(Polling.await(() -> lines(out).size() == 4, 10)).as("f and g written: " + lines(out)).isTrue();
        assertThat(Polling.await(() -> errors.size() == 3, 10)).as("3 dead letters: " + errors).isTrue();
        runtime.undeploy("files");

        assertThat(lines(out)).containsExactly("{\"id\":\"b\",\"amount\":50.0}", "{\"id\":\"e\",\"amount\":20.5}",
                "{\"id\":\"f\",\"amount\":11.0}", "{\"id\":\"g\",\"amount\":99.0}");
        assertThat(errors).extracting(e -> e.get(0)).containsExactly("{\"id\": \"c\", \"amount\": \"lots\"}",
                "{\"id\": \"d\", \"amount\":", "{\"id\": \"i\", \"amount\": true}");
        assertThat(errors).extracting(e -> (String) e.get(1)).satisfiesExactly(
                m -> assertThat(m).contains("amount").contains("lots").contains("orders.jsonl:3"),
                m -> assertThat(m).contains("orders.jsonl:4"),
                m -> assertThat(m).contains("amount").contains("orders.jsonl:3"));
        assertThat(errors).extracting(e -> e.get(5)).containsOnly("Orders");
    }

    @Test
    void aRestoredAppResumesInTheFileRotatedWhileItWasDown() throws Exception {
        Path in = Files.writeString(dir.resolve("orders.jsonl"), """
                {"id": "a", "amount": 50}
                {"id": "b", "amount": 60}
                """);
        Path out = dir.resolve("big.jsonl");
        String sql = """
                CREATE STREAM Orders (id STRING, amount DOUBLE) WITH (type = 'source', extension = 'file',
                  format = 'json', file.path = '%s', file.mode = 'tail', file.poll.interval.ms = '10');
                CREATE STREAM Big (id STRING, amount DOUBLE) WITH (type = 'sink', extension = 'file', format = 'json',
                  file.path = '%s', file.flush.interval.ms = '0');
                INSERT INTO Big SELECT id, amount FROM Orders WHERE amount > 10;
                """.formatted(in, out);
        AppRuntime first = runtime.deploy(sql, DeployOptions.defaults().withName("first"));
        assertThat(Polling.await(() -> lines(out).size() == 2, 10)).as("a and b written").isTrue();
        Map<String, Serializable> snapshot = ((AppRuntimeImpl) first).snapshotState();
        runtime.undeploy("first");

        // while the app is down: one more line, then the file is rotated away
        Files.writeString(in, "{\"id\": \"c\", \"amount\": 70}\n", StandardOpenOption.APPEND);
        Files.move(in, dir.resolve("orders.jsonl.1"));
        AppRuntime second = runtime.deploy(sql, DeployOptions.defaults().withName("second")); // waits for the file
        ((AppRuntimeImpl) second).restoreState(snapshot);
        Files.writeString(in, "{\"id\": \"d\", \"amount\": 80}\n");
        assertThat(Polling.await(() -> lines(out).size() == 4, 10)).as("c and d written: " + lines(out)).isTrue();
        runtime.undeploy("second");
        assertThat(lines(out)).as("nothing read twice, nothing lost").containsExactly("{\"id\":\"a\",\"amount\":50.0}",
                "{\"id\":\"b\",\"amount\":60.0}", "{\"id\":\"c\",\"amount\":70.0}", "{\"id\":\"d\",\"amount\":80.0}");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
