package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.engine.EventFluxRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real basic connectors bundle and json mapper, found the plain-Java way (ServiceLoader). */
class InMemoryConnectorTest {
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    /** A sink of the runtime's broker, to publish into a topic from the test. */
    private Sink topic(String topic) throws Exception {
        Sink s = runtime.registry().sink("inMemory").orElseThrow().create(new ConnectorSpec("test",
                new StreamSchema("T", List.of()), Map.of("inMemory.topic", topic)));
        s.start();
        return s;
    }

    @Test
    void inMemorySourceQueryAndSinkAcrossTwoAppsWithJson() throws Exception {
        runtime.deploy("""
                CREATE STREAM Orders (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'orders', format = 'json');
                CREATE STREAM Big (symbol STRING, price DOUBLE)
                  WITH (type = 'sink', extension = 'inMemory', inMemory.topic = 'big', format = 'json');
                INSERT INTO Big SELECT symbol, price FROM Orders WHERE price > 10;
                """, DeployOptions.defaults().withName("filter"));
        AppRuntime reader = runtime.deploy("""
                CREATE STREAM Big (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'big', format = 'json');
                INSERT INTO Seen SELECT symbol, price * 2 AS doubled FROM Big;
                """, DeployOptions.defaults().withName("reader"));
        List<Event> seen = new CopyOnWriteArrayList<>();
        reader.addCallback("Seen", seen::addAll);

        Sink orders = topic("orders");
        orders.publish("{\"symbol\": \"A\", \"price\": 5}", null);
        orders.publish("{\"symbol\": \"B\", \"price\": 50.5}", null);
        orders.publish("[{\"symbol\": \"C\", \"price\": 11}, {\"symbol\": \"D\", \"price\": 1}]", null);

        assertThat(Polling.await(() -> seen.size() >= 2, 10)).isTrue();
        assertThat(seen).extracting(e -> List.of(e.data())).containsExactly(List.of("B", 101.0), List.of("C", 22.0));
    }

    @Test
    void withoutFormatDataArraysPassThroughAndSinksHandOverTheEvent() throws Exception {
        runtime.deploy("""
                CREATE STREAM In (n INT) WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'raw-in');
                CREATE STREAM Out (n INT, m LONG) WITH (type = 'sink', extension = 'inMemory', inMemory.topic = 'raw-out');
                INSERT INTO Out SELECT n, n * 10L AS m FROM In;
                """, DeployOptions.defaults().withSynchronous(true).withName("raw"));
        AppRuntime reader = runtime.deploy("""
                CREATE STREAM Back (n INT, m LONG) WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'raw-out');
                INSERT INTO Seen SELECT * FROM Back;
                """, DeployOptions.defaults().withSynchronous(true).withName("rawReader"));
        List<Event> seen = new CopyOnWriteArrayList<>();
        reader.addCallback("Seen", seen::addAll);
        topic("raw-in").publish(new Object[] {7}, null);
        assertThat(seen).extracting(e -> List.of(e.data())).containsExactly(List.of(7, 70L));
    }
}
