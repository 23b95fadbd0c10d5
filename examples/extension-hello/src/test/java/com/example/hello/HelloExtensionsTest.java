package com.example.hello;

import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.number;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.window.Window;
import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import io.eventflux.extension.testing.Snapshots;
import io.eventflux.extension.testing.WindowHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The four extensions without an engine, through eventflux.extension.testing. */
class HelloExtensionsTest {
    @TempDir
    Path dir;

    @Test
    void greetGreetsAndRejectsANumber() {
        GreetFunctions hello = new GreetFunctions();
        ManualContext context = new ManualContext();

        assertThat(new Invocation(hello, context, "greet").arg(AttributeType.STRING, "Ann").result()).isEqualTo("Hello, Ann!");
        assertThat(new Invocation(hello, context, "greet").arg(AttributeType.STRING, null).result()).isNull();
        assertThat(new Invocation(hello, context, "greet").arg(AttributeType.INT, 7).error())
                .isEqualTo("hello:greet(name) takes a STRING, got INT");
    }

    @Test
    void helloLastExpiresTheOldestAndSurvivesASnapshot() {
        WindowHarness harness = new WindowHarness();
        Window window = new LastWindowFactory().define(spec("helloLast", number(2))).create(harness);

        harness.send(event(1000, "a"), window);
        harness.send(event(2000, "b"), window);
        harness.send(event(3000, "c"), window);
        assertThat(harness.take()).containsExactly(
                "current 1000 [a, 1.0]",
                "current 2000 [b, 1.0]",
                "expired 3000 [a, 1.0]",
                "current 3000 [c, 1.0]");

        // a restarted app restores the window from its snapshot (written and read as a persistence store does)
        Window restored = new LastWindowFactory().define(spec("helloLast", number(2))).create(harness);
        restored.restore(Snapshots.roundTrip(window.snapshot()));
        harness.send(event(4000, "d"), restored);
        assertThat(harness.take()).containsExactly("expired 4000 [b, 1.0]", "current 4000 [d, 1.0]");
    }

    @Test
    void helloNamesJoinsTheNamesPresentAndDropsTheOldestCopyOfAnExpiredOne() {
        Aggregator names = new HelloNamesAggregator().define(new AggregatorSpec("helloNames",
                List.of(Argument.attribute("name", 0, AttributeType.STRING)), false)).create();

        names.add("Ann");
        names.add("Bob");
        names.add(null);
        names.add("Ann");
        assertThat(names.value()).isEqualTo("Ann, Bob, Ann");
        names.remove("Ann");
        assertThat(names.value()).isEqualTo("Bob, Ann");

        Aggregator restored = new HelloNamesAggregator().define(new AggregatorSpec("helloNames",
                List.of(Argument.attribute("name", 0, AttributeType.STRING)), false)).create();
        restored.restore(Snapshots.roundTrip(names.snapshot()));
        restored.add("Cid");
        assertThat(restored.value()).isEqualTo("Bob, Ann, Cid");
        restored.reset();
        assertThat(restored.value()).isEqualTo("");
    }

    @Test
    void helloFileAppendsOneLineAnEvent() throws Exception {
        Path file = dir.resolve("greetings.txt");
        StreamSchema stream = new StreamSchema("Greetings", List.of(new Attribute("greeting", AttributeType.STRING)));
        Sink sink = new HelloFileSink().create(new ConnectorSpec("app", stream, Map.of("helloFile.path", file.toString())));

        sink.start();
        sink.publish("{\"greeting\":\"Hello, Ann!\"}", new Event(1000, new Object[] {"Hello, Ann!"}));
        sink.publish(new Event(2000, new Object[] {"Hello, Bob!"}), new Event(2000, new Object[] {"Hello, Bob!"}));
        sink.flush();
        sink.stop();

        assertThat(Files.readAllLines(file)).containsExactly("{\"greeting\":\"Hello, Ann!\"}", "[Hello, Bob!]");
    }
}
