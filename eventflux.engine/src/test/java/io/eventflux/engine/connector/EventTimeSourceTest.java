package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.engine.EventFluxRuntime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An event-timed stream fed by a real source connector (inMemory + json) on the ring, with the event-time
 * keys given by a configuration file: out-of-order JSON comes out in event-time order, a late one goes to
 * the late stream.
 */
class EventTimeSourceTest {
    private static final String SQL = """
            CREATE STREAM Orders (ts LONG, symbol STRING, price DOUBLE)
              WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'orders', format = 'json');
            CREATE STREAM LateOrders (ts LONG, symbol STRING, price DOUBLE);
            INSERT INTO Seen SELECT ts, symbol FROM Orders;
            INSERT INTO Late SELECT ts, symbol FROM LateOrders;
            """;
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());

    @AfterEach
    void close() {
        runtime.close();
    }

    private static DeployOptions configured(Map<String, String> orders) {
        return DeployOptions.defaults().withName("orders").withConfig(new AppConfig("test.toml", Map.of(),
                Map.of("Orders", orders)));
    }

    @Test
    void outOfOrderJsonFromASourceIsReleasedInEventTimeOrder() throws Exception {
        AppRuntime app = runtime.deploy(SQL, configured(Map.of("event.time", "ts", "watermark.delay", "1 SECOND",
                "late.events.stream", "LateOrders")));
        List<Event> seen = new CopyOnWriteArrayList<>();
        List<Event> late = new CopyOnWriteArrayList<>();
        app.addCallback("Seen", seen::addAll);
        app.addCallback("Late", late::addAll);
        Sink orders = runtime.registry().sink("inMemory").orElseThrow().create(new ConnectorSpec("test",
                new StreamSchema("T", List.of()), Map.of("inMemory.topic", "orders")));
        orders.start();
        orders.publish("{\"ts\": 5000, \"symbol\": \"A\", \"price\": 1}", null);
        orders.publish("{\"ts\": 4200, \"symbol\": \"B\", \"price\": 1}", null);
        orders.publish("[{\"ts\": 6500, \"symbol\": \"C\", \"price\": 1}, {\"ts\": 5600, \"symbol\": \"D\", \"price\": 1}]",
                null);
        // within a chunk events arrive in order: 6500 moved the watermark to 5499 before 5600 came, still on time
        orders.publish("{\"ts\": 5400, \"symbol\": \"E\", \"price\": 1}", null); // behind 5499: late
        assertThat(Polling.await(() -> late.size() == 1 && seen.size() == 2, 10)).isTrue();
        assertThat(late.get(0).data()).containsExactly(5400L, "E");
        app.shutdown();
        assertThat(seen).extracting(e -> e.timestamp() + ":" + e.data()[1])
                .containsExactly("4200:B", "5000:A", "5600:D", "6500:C");
    }

    @Test
    void aBadEventTimeKeyFromTheConfigurationFileFailsTheDeployNamingStreamAndAttribute() {
        assertThatThrownBy(() -> runtime.deploy(SQL, configured(Map.of("event.time", "symbol"))))
                .hasMessageContaining("app 'orders'").hasMessageContaining("stream Orders")
                .hasMessageContaining("event.time attribute 'symbol' is STRING");
        assertThatThrownBy(() -> runtime.deploy(SQL, configured(Map.of("event.time", "ts",
                "late.events.stream", "Nowhere")))).hasMessageContaining("'Nowhere'");
    }
}
