package io.eventflux.connector.file.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSourceTest {
    private static final StreamSchema LINES = new StreamSchema("Lines", List.of(new Attribute("line", AttributeType.STRING)));

    @TempDir
    Path dir;

    private final List<Source> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(Source::stop);
    }

    @Test
    void readModeDeliversEveryLineWithItsLocationThenStaysIdle() throws Exception {
        Path file = Files.writeString(dir.resolve("orders.jsonl"), "{\"a\":1}\r\n\n{\"a\":2}\n{\"a\":3}");
        CollectingListener l = new CollectingListener();
        Source s = start(source("file.path", file.toString()), l);
        Await.until("4 lines", () -> l.size() == 4);
        assertThat(l.payloads()).containsExactly("{\"a\":1}", "", "{\"a\":2}", "{\"a\":3}");
        assertThat(l.locations()).containsExactly("orders.jsonl:1", "orders.jsonl:2", "orders.jsonl:3", "orders.jsonl:4");
        long size = Files.size(file);
        Await.until("position at the end", () -> position(s).offset() == size);
        assertThat(position(s).line()).isEqualTo(4);

        Files.writeString(file, "\n{\"a\":4}\n", StandardOpenOption.APPEND);
        Await.during(Duration.ofMillis(100));
        assertThat(l.size()).as("read mode reads once").isEqualTo(4);
        assertThat(l.lost()).isEmpty();
    }

    @Test
    void readModeFailsToStartOnAMissingFileOrADirectory() {
        Path missing = dir.resolve("nope.csv");
        assertThatThrownBy(() -> source("file.path", missing.toString()).start(new CollectingListener()))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("stream Lines: file.path '" + missing + "' does not exist (file.mode = read)");
        assertThatThrownBy(() -> source("file.path", dir.toString()).start(new CollectingListener()))
                .isInstanceOf(IOException.class).hasMessage(dir + " is a directory, not a file");
    }

    @Test
    void badOptionsAreRejectedByName() {
        FileSourceFactory f = new FileSourceFactory();
        assertThatThrownBy(() -> f.create(spec()))
                .hasMessage("stream Lines: option 'file.path' is required");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.mode", "follow")))
                .hasMessage("stream Lines: option 'file.mode' must be read or tail, was 'follow'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.start.position", "middle")))
                .hasMessage("stream Lines: option 'file.start.position' must be beginning or end, was 'middle'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.start.position", "end")))
                .hasMessage("stream Lines: option 'file.start.position' = 'end' needs 'file.mode' = 'tail' "
                        + "(read mode would read nothing)");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.poll.interval.ms", "0")))
                .hasMessage("stream Lines: option 'file.poll.interval.ms' must be positive, was '0'");
        assertThatThrownBy(() -> f.create(spec("file.path", "x", "file.poll.interval.ms", "soon")))
                .hasMessageContaining("option 'file.poll.interval.ms' must be a duration");
        assertThatThrownBy(() -> f.create(spec("file.path", "a\0b")))
                .hasMessageStartingWith("stream Lines: option 'file.path' is not a valid path");
    }

    @Test
    void tailFollowsAppendsAndWaitsForALineToBeComplete() throws Exception {
        Path file = Files.writeString(dir.resolve("log.txt"), "a\nb\n");
        CollectingListener l = new CollectingListener();
        start(tail(file), l);
        Await.until("a, b", () -> l.size() == 2);
        append(file, "c\nhalf");
        Await.until("c", () -> l.size() == 3);
        Await.during(Duration.ofMillis(60));
        assertThat(l.payloads()).as("half a line is held back").containsExactly("a", "b", "c");
        append(file, "-done\nd\n");
        Await.until("d", () -> l.size() == 5);
        assertThat(l.payloads()).containsExactly("a", "b", "c", "half-done", "d");
        assertThat(l.locations()).containsExactly("log.txt:1", "log.txt:2", "log.txt:3", "log.txt:4", "log.txt:5");
    }

    @Test
    void tailFromTheEndSkipsWhatTheFileHoldsAndKeepsLineNumbers() throws Exception {
        Path file = Files.writeString(dir.resolve("log.txt"), "old1\nold2\nparti");
        CollectingListener l = new CollectingListener();
        Source s = start(source("file.path", file.toString(), "file.mode", "tail", "file.start.position", "end",
                "file.poll.interval.ms", "10"), l);
        Await.until("positioned", () -> position(s) != null && position(s).line() == 2);
        append(file, "al\nnew\n");
        Await.until("2 lines", () -> l.size() == 2);
        assertThat(l.payloads()).containsExactly("partial", "new");
        assertThat(l.locations()).containsExactly("log.txt:3", "log.txt:4");
    }

    @Test
    void tailWaitsForTheFileToAppearAndReadsAllOfIt() throws Exception {
        Path file = dir.resolve("later.txt");
        CollectingListener l = new CollectingListener();
        // "end" skips only what the file held at the first start: here nothing
        start(source("file.path", file.toString(), "file.mode", "tail", "file.start.position", "end",
                "file.poll.interval.ms", "10"), l);
        Await.during(Duration.ofMillis(50));
        Files.writeString(file, "x\ny\n");
        Await.until("x, y", () -> l.size() == 2);
        assertThat(l.payloads()).containsExactly("x", "y");
        assertThat(l.lost()).isEmpty();
    }

    @Test
    void rotationFinishesTheOldFileThenReadsTheNewOne() throws Exception {
        Path file = Files.writeString(dir.resolve("app.log"), "1\n2\n");
        CollectingListener l = new CollectingListener();
        start(tail(file), l);
        Await.until("1, 2", () -> l.size() == 2);
        l.blockAfter(0); // hold the reader so the rotation happens while lines are still unread
        append(file, "3\n4\n");
        Path rotated = Files.move(file, dir.resolve("app.log.1"));
        append(rotated, "5\nlast-unterminated"); // the writer had the old file open
        Files.writeString(file, "n1\nn2\n");
        l.release();
        Await.until("all lines", () -> l.size() == 8);
        assertThat(l.payloads()).containsExactly("1", "2", "3", "4", "5", "last-unterminated", "n1", "n2");
        assertThat(l.locations()).containsExactly("app.log:1", "app.log:2", "app.log:3", "app.log:4", "app.log:5",
                "app.log:6", "app.log:1", "app.log:2");
        append(file, "n3\n");
        Await.until("n3", () -> l.size() == 9);
        assertThat(l.locations().get(8)).isEqualTo("app.log:3");
    }

    @Test
    void truncationStartsAgainFromTheBeginning() throws Exception {
        Path file = Files.writeString(dir.resolve("t.log"), "first line\nsecond line\n");
        CollectingListener l = new CollectingListener();
        Source s = start(tail(file), l);
        Await.until("2 lines", () -> l.size() == 2);
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(0);
        }
        Await.until("rewound", () -> position(s).offset() == 0);
        append(file, "x\n");
        Await.until("x", () -> l.size() == 3);
        assertThat(l.payloads()).containsExactly("first line", "second line", "x");
        assertThat(l.locations().get(2)).isEqualTo("t.log:1");
    }

    @Test
    void aRestoredPositionResumesWithoutDuplicatesOrLoss() throws Exception {
        Path file = Files.writeString(dir.resolve("in.jsonl"), lines(1, 3));
        CollectingListener first = new CollectingListener();
        Source a = start(tail(file), first);
        Await.until("3 lines", () -> first.size() == 3);
        Await.until("position published", () -> position(a).line() == 3);
        Serializable snapshot = roundTrip(a.snapshot());
        a.stop();
        append(file, lines(4, 5));

        CollectingListener second = new CollectingListener();
        Source b = tail(file);
        b.restore(snapshot);
        start(b, second);
        Await.until("2 lines", () -> second.size() == 2);
        Await.during(Duration.ofMillis(50));
        assertThat(second.payloads()).containsExactly("line 4", "line 5");
        assertThat(second.locations()).containsExactly("in.jsonl:4", "in.jsonl:5");

        // the same instance stopped and started again (the engine's retry) also resumes in place
        b.stop();
        append(file, lines(6, 6));
        start(b, second);
        Await.until("line 6", () -> second.size() == 3);
        assertThat(second.payloads()).containsExactly("line 4", "line 5", "line 6");
    }

    @Test
    void aPositionInAFileRotatedWhileStoppedIsFoundAgain() throws Exception {
        Path file = Files.writeString(dir.resolve("in.log"), lines(1, 2));
        CollectingListener first = new CollectingListener();
        Source a = start(tail(file), first);
        Await.until("2 lines", () -> first.size() == 2);
        Await.until("position published", () -> position(a).line() == 2);
        Serializable snapshot = a.snapshot();
        a.stop();
        append(file, lines(3, 3));
        Files.move(file, dir.resolve("in.log.2026-11-27"));
        Files.writeString(file, "fresh\n");

        CollectingListener second = new CollectingListener();
        Source b = tail(file);
        b.restore(snapshot);
        start(b, second);
        Await.until("2 lines", () -> second.size() == 2);
        assertThat(second.payloads()).containsExactly("line 3", "fresh");
        assertThat(second.locations()).containsExactly("in.log.2026-11-27:3", "in.log:1");
    }

    @Test
    void aRestoredPositionInATruncatedFileStartsFromTheBeginning() throws Exception {
        Path file = Files.writeString(dir.resolve("in.log"), lines(1, 3));
        Source a = start(source("file.path", file.toString()), new CollectingListener());
        Await.until("at the end", () -> position(a) != null && position(a).line() == 3);
        Serializable snapshot = a.snapshot();
        a.stop();
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.WRITE)) {
            c.truncate(0);
        }
        append(file, "new\n");
        CollectingListener l = new CollectingListener();
        Source b = source("file.path", file.toString());
        b.restore(snapshot);
        start(b, l);
        Await.until("new", () -> l.size() == 1);
        assertThat(l.locations()).containsExactly("in.log:1");
    }

    @Test
    void backpressureHoldsTheReaderAndThePosition() throws Exception {
        Path file = Files.writeString(dir.resolve("big.txt"), lines(1, 1000));
        CollectingListener l = new CollectingListener();
        l.blockAfter(10);
        Source s = start(source("file.path", file.toString()), l);
        Await.until("10 lines", () -> l.size() == 10);
        Await.during(Duration.ofMillis(50));
        assertThat(l.size()).as("the reader stops while the app takes nothing").isEqualTo(10);
        assertThat(position(s).line()).isEqualTo(10);
        l.release();
        Await.until("all", () -> l.size() == 1000);
        assertThat(l.payloads()).containsExactlyElementsOf(IntStream.rangeClosed(1, 1000).mapToObj(i -> "line " + i).toList());
    }

    @Test
    void stopReturnsWhileTheListenerBlocks() throws Exception {
        Path file = Files.writeString(dir.resolve("big.txt"), lines(1, 100));
        BlockingListener l = new BlockingListener();
        Source s = source("file.path", file.toString());
        s.start(l);
        Await.until("blocked in onPayload", () -> l.entered);
        s.stop();
        assertThat(l.interrupted).as("stop interrupts a reader held by backpressure").isTrue();
        assertThat(position(s).line()).as("the line being handed over is not counted").isZero();
    }

    @Test
    void pauseStopsDeliveryAndResumeContinues() throws Exception {
        Path file = Files.writeString(dir.resolve("p.txt"), "a\n");
        CollectingListener l = new CollectingListener();
        Source s = start(tail(file), l);
        Await.until("a", () -> l.size() == 1);
        s.pause();
        append(file, "b\nc\n");
        Await.during(Duration.ofMillis(80));
        assertThat(l.payloads()).containsExactly("a");
        s.resume();
        Await.until("b, c", () -> l.size() == 3);
        assertThat(l.payloads()).containsExactly("a", "b", "c");
    }

    @Test
    void csvHeaderReachesAFreshMapperAfterRestoreAndRotation() throws Exception {
        StreamSchema trades = new StreamSchema("Trades", List.of(new Attribute("symbol", AttributeType.STRING),
                new Attribute("price", AttributeType.DOUBLE)));
        Path file = Files.writeString(dir.resolve("trades.csv"), "price,symbol\n1.5,A\n2.5,B\n");
        Map<String, String> options = Map.of("file.path", file.toString(), "file.mode", "tail",
                "file.poll.interval.ms", "10", "format", "csv", "csv.has-header", "true");
        ConnectorSpec spec = new ConnectorSpec("app", trades, options);
        MappingListener first = new MappingListener(spec);
        Source a = new FileSourceFactory().create(spec);
        start(a, first);
        Await.until("A, B", () -> first.events().size() == 2);
        Await.until("position published", () -> position(a).line() == 3);
        Serializable snapshot = a.snapshot();
        a.stop();
        append(file, "3.5,C\n");

        MappingListener second = new MappingListener(spec); // a fresh mapper has not seen the header
        Source b = new FileSourceFactory().create(spec);
        b.restore(snapshot);
        start(b, second);
        Await.until("C", () -> second.events().size() == 1);
        Files.move(file, dir.resolve("trades.csv.1"));
        Files.writeString(file, "price,symbol\n4.5,D\n");
        Await.until("D", () -> second.events().size() == 2);
        assertThat(first.events()).containsExactly(List.of("A", 1.5), List.of("B", 2.5));
        assertThat(second.events()).containsExactly(List.of("C", 3.5), List.of("D", 4.5));
        assertThat(second.errors()).isEmpty();
    }

    private Source start(Source s, CollectingListener l) throws Exception {
        s.start(l);
        started.add(s);
        return s;
    }

    private Source start(Source s, MappingListener l) throws Exception {
        s.start(l);
        started.add(s);
        return s;
    }

    private Source tail(Path file) {
        return source("file.path", file.toString(), "file.mode", "tail", "file.poll.interval.ms", "10");
    }

    private static Source source(String... kv) {
        return new FileSourceFactory().create(spec(kv));
    }

    private static ConnectorSpec spec(String... kv) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return new ConnectorSpec("app", LINES, options);
    }

    private static FilePosition position(Source s) {
        return (FilePosition) s.snapshot();
    }

    private static String lines(int from, int to) {
        StringBuilder b = new StringBuilder();
        for (int i = from; i <= to; i++) {
            b.append("line ").append(i).append('\n');
        }
        return b.toString();
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    /** Snapshots are stored serialized: the position must survive it. */
    private static Serializable roundTrip(Serializable s) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Serializable) in.readObject();
        }
    }
}
