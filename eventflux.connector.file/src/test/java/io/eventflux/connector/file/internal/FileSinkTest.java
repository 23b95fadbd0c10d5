package io.eventflux.connector.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {
    private static final StreamSchema OUT = new StreamSchema("Out", List.of(new Attribute("v", AttributeType.STRING)));
    /** 2026-11-27 08:00:00.000 UTC */
    private static final long T0 = 1_795_766_400_000L;

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(T0);
    private final List<Sink> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Sink::stop);
    }

    @Test
    void appendsOneLinePerPayloadToWhatTheFileHolds() throws Exception {
        Path file = Files.writeString(dir.resolve("out.jsonl"), "kept\n");
        Sink s = start("file.path", file.toString());
        s.publish("{\"v\":\"a\"}", event("a"));
        s.publish("b,c\n", event("b"));
        s.publish("ü".getBytes(StandardCharsets.UTF_8), event("ü"));
        s.stop();
        assertThat(Files.readString(file)).isEqualTo("kept\n{\"v\":\"a\"}\nb,c\nü\n");
    }

    @Test
    void withoutAppendTheFileStartsEmpty() throws Exception {
        Path file = Files.writeString(dir.resolve("out.txt"), "old\n");
        Sink s = start("file.path", file.toString(), "file.append", "false");
        s.publish("new", event("new"));
        s.stop();
        assertThat(Files.readAllLines(file)).containsExactly("new");
    }

    @Test
    void linesStayBufferedUntilTheFlushIntervalPasses() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.flush.interval.ms", "1000");
        s.publish("a", event("a"));
        s.flush();
        assertThat(Files.readString(file)).as("within the interval the engine's flush keeps the buffer").isEmpty();
        now.addAndGet(999);
        s.flush();
        assertThat(Files.readString(file)).isEmpty();
        now.addAndGet(1);
        s.flush();
        assertThat(Files.readString(file)).isEqualTo("a\n");
        s.publish("b", event("b"));
        now.addAndGet(1000);
        s.flush();
        assertThat(Files.readString(file)).isEqualTo("a\nb\n");
    }

    @Test
    void flushIntervalZeroWritesEveryChunkThrough() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.flush.interval.ms", "0");
        s.publish("a", event("a"));
        s.flush();
        assertThat(Files.readString(file)).isEqualTo("a\n");
    }

    @Test
    void theTimerFlushesAnIdleSink() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.flush.interval.ms", "20");
        s.publish("a", event("a"));
        Await.during(java.time.Duration.ofMillis(60));
        assertThat(Files.readString(file)).as("the clock has not moved").isEmpty();
        now.addAndGet(20);
        Await.until("flushed by the timer", () -> content(file).equals("a\n"));
    }

    @Test
    void stopWritesTheBufferOut() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.flush.interval.ms", "1 hour");
        s.publish("a", event("a"));
        s.flush();
        assertThat(Files.readString(file)).isEmpty();
        s.stop();
        assertThat(Files.readString(file)).isEqualTo("a\n");
    }

    @Test
    void rotatesBySizeBeforeALineWouldTakeTheFilePastIt() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.rotate.size.bytes", "16");
        for (int i = 1; i <= 5; i++) {
            s.publish("line-" + i, event("x")); // 7 bytes with the newline
            now.addAndGet(1);
        }
        s.publish("a-line-longer-than-16", event("x"));
        s.publish("z", event("x"));
        s.stop();
        assertThat(files()).containsExactly("out.txt", "out.txt.20261127-080000.002", "out.txt.20261127-080000.004",
                "out.txt.20261127-080000.005", "out.txt.20261127-080000.005-1");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.002"))).isEqualTo("line-1\nline-2\n");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.004"))).isEqualTo("line-3\nline-4\n");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.005"))).isEqualTo("line-5\n");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.005-1")))
                .as("a longer line gets a file of its own").isEqualTo("a-line-longer-than-16\n");
        assertThat(Files.readString(file)).isEqualTo("z\n");
    }

    @Test
    void rotatedNamesTakenAlreadyGetACounter() throws Exception {
        Path file = dir.resolve("out.txt");
        Files.writeString(dir.resolve("out.txt.20261127-080000.000"), "someone else's\n");
        Sink s = start("file.path", file.toString(), "file.rotate.size.bytes", "2");
        s.publish("a", event("a"));
        s.publish("b", event("b"));
        s.publish("c", event("c"));
        s.stop();
        assertThat(files()).containsExactly("out.txt", "out.txt.20261127-080000.000", "out.txt.20261127-080000.000-1",
                "out.txt.20261127-080000.000-2");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.000-1"))).isEqualTo("a\n");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.000-2"))).isEqualTo("b\n");
        assertThat(Files.readString(file)).isEqualTo("c\n");
    }

    @Test
    void rotatesByTimeAtTheNextLine() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.rotate.interval.ms", "1 minute", "file.flush.interval.ms", "0");
        s.publish("a", event("a"));
        now.addAndGet(59_999);
        s.publish("b", event("b"));
        now.addAndGet(1);
        s.publish("c", event("c"));
        s.flush();
        assertThat(files()).containsExactly("out.txt", "out.txt.20261127-080100.000");
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080100.000"))).isEqualTo("a\nb\n");
        assertThat(Files.readString(file)).isEqualTo("c\n");
        now.addAndGet(60_000);
        s.publish("d", event("d"));
        s.flush();
        assertThat(files()).containsExactly("out.txt", "out.txt.20261127-080100.000", "out.txt.20261127-080200.000");
        assertThat(Files.readString(file)).isEqualTo("d\n");
    }

    @Test
    void theTimerRotatesAnIdleFileButNotAnEmptyOne() throws Exception {
        Path file = dir.resolve("out.txt");
        Sink s = start("file.path", file.toString(), "file.rotate.interval.ms", "20", "file.flush.interval.ms", "0");
        now.addAndGet(20);
        Await.during(java.time.Duration.ofMillis(60));
        assertThat(files()).as("an empty file is not rotated").containsExactly("out.txt");
        s.publish("a", event("a"));
        now.addAndGet(20);
        Await.until("rotated by the timer", () -> files().size() == 2);
        assertThat(Files.readString(dir.resolve("out.txt.20261127-080000.040"))).isEqualTo("a\n");
        assertThat(Files.readString(file)).isEmpty();
    }

    @Test
    void badPathsFailTheStartWithTheStreamAndPath() {
        Path missingDir = dir.resolve("no/such/dir/out.txt");
        assertThatThrownBy(() -> start("file.path", missingDir.toString())).isInstanceOf(IOException.class)
                .hasMessage("stream Out: file.path '" + missingDir + "': the directory " + missingDir.getParent()
                        + " does not exist");
        assertThatThrownBy(() -> start("file.path", dir.toString())).isInstanceOf(IOException.class)
                .hasMessage("stream Out: file.path '" + dir + "' is a directory");
    }

    @Test
    void badOptionsAreRejectedByName() {
        FileSinkFactory f = new FileSinkFactory(now::get);
        assertThatThrownBy(() -> f.create(spec())).hasMessage("stream Out: option 'file.path' is required");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.append", "yes")))
                .hasMessage("stream Out: option 'file.append' must be true or false, was 'yes'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.rotate.size.bytes", "-1")))
                .hasMessage("stream Out: option 'file.rotate.size.bytes' must be 0 (off) or positive, was '-1'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.rotate.size.bytes", "1MB")))
                .hasMessage("stream Out: option 'file.rotate.size.bytes' must be an integer, was '1MB'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.flush.interval.ms", "-5")))
                .hasMessageContaining("option 'file.flush.interval.ms' must be a duration");
    }

    @Test
    void publishingToAStoppedSinkFails() throws Exception {
        Sink s = start("file.path", dir.resolve("out.txt").toString());
        s.stop();
        assertThatThrownBy(() -> s.publish("a", event("a"))).isInstanceOf(IOException.class)
                .hasMessageContaining("stream Out: the file sink for").hasMessageEndingWith("is not started");
    }

    private Sink start(String... kv) throws Exception {
        Sink s = new FileSinkFactory(now::get).create(spec(kv));
        s.start();
        started.add(s);
        return s;
    }

    private static ConnectorSpec spec(String... kv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("app", OUT, options);
    }

    private static Event event(String v) {
        return new Event(T0, new Object[] {v});
    }

    private List<String> files() {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String content(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
