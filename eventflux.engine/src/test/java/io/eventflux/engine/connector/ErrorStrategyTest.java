package io.eventflux.engine.connector;

import static io.eventflux.engine.connector.ConnectorFixture.DLQ;
import static io.eventflux.engine.connector.ConnectorFixture.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.io.SourceListener;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each bad-input path reaches the stream's error strategy with a clear message (SQL.md section 7). */
class ErrorStrategyTest {
    private final ConnectorFixture f = new ConnectorFixture();
    private final List<Event> dead = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    private AppRuntimeImpl deploy(String sql) throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy(sql, DeployOptions.defaults().withSynchronous(true));
        if (app.stream("Dead").isPresent()) {
            app.addCallback("Dead", dead::addAll);
        }
        return app;
    }

    private static final String JSON_SOURCE = DLQ + """
            CREATE STREAM Orders (symbol STRING, price DOUBLE)
              WITH (type = 'source', extension = 'test', format = 'json',
                    error.strategy = 'dlq', error.dlq.stream = 'Dead');
            INSERT INTO Out SELECT * FROM Orders;
            """;

    @Test
    void malformedJsonGoesToTheDeadLetterStreamWithItsLocation() throws Exception {
        AppRuntimeImpl app = deploy(JSON_SOURCE);
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        SourceListener in = f.source.listener("Orders");
        in.onPayload("{\"symbol\": \"A\", \"price\": 1.5}", Map.of());
        in.onPayload("{\"symbol\": \"B\", \"price\": ", Map.of(SourceListener.LOCATION, "orders.jsonl:2"));
        in.onPayload("{\"symbol\": \"C\", \"price\": 3}", Map.of());

        assertThat(rows(out)).containsExactly(List.of("A", 1.5), List.of("C", 3.0));
        assertThat(dead).hasSize(1);
        Object[] d = dead.get(0).data();
        assertThat(d[0]).isEqualTo("{\"symbol\": \"B\", \"price\": ");
        assertThat((String) d[1]).contains("Orders").contains("malformed JSON").contains("orders.jsonl:2");
        assertThat(d[2]).isEqualTo("MAPPING");
        assertThat(d[3]).isInstanceOf(Long.class);
        assertThat(d[4]).isEqualTo(1);
        assertThat(d[5]).isEqualTo("Orders");
        assertThat(app.deadLetteredCount("Orders")).isEqualTo(1);
        assertThat(app.connectorErrorCount("Orders")).isEqualTo(1);
    }

    @Test
    void aValueOfTheWrongTypeInJsonNamesStreamAttributeAndValue() throws Exception {
        deploy(JSON_SOURCE);
        f.source.listener("Orders").onPayload("{\"symbol\": \"A\", \"price\": \"abc\"}", Map.of(SourceListener.LOCATION, "f:7"));
        assertThat(dead).hasSize(1);
        assertThat((String) dead.get(0).get(1)).contains("Orders").contains("price").contains("abc").contains("f:7");
    }

    @Test
    void aTypeMismatchOfAPassThroughArrayIsCheckedLikeInputHandlers() throws Exception {
        AppRuntimeImpl app = deploy(DLQ + """
                CREATE STREAM Orders (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'test', error.strategy = 'retry', error.dlq.stream = 'Dead');
                INSERT INTO Out SELECT * FROM Orders;
                """);
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        f.source.listener("Orders").onPayload(List.of(new Object[] {"A", 1}, new Object[] {"B", "abc"}), Map.of());
        assertThat(rows(out)).containsExactly(List.of("A", 1.0));
        assertThat(dead).hasSize(1);
        Object[] d = dead.get(0).data();
        assertThat((String) d[1]).contains("stream Orders").contains("'price'").contains("DOUBLE").contains("'abc'");
        assertThat(d[2]).isEqualTo("TYPE_MISMATCH");
        // deterministic: not retried, straight to the dead-letter stream
        assertThat(d[4]).isEqualTo(1);
        assertThat(d[0]).isEqualTo("[B, abc]");
    }

    @Test
    void dropCountsAndGoesOn() throws Exception {
        AppRuntimeImpl app = deploy("""
                CREATE STREAM Orders (symbol STRING, price DOUBLE) WITH (type = 'source', extension = 'test', format = 'json');
                INSERT INTO Out SELECT * FROM Orders;
                """);
        List<Event> out = new CopyOnWriteArrayList<>();
        app.addCallback("Out", out::addAll);
        SourceListener in = f.source.listener("Orders");
        in.onPayload("not json", Map.of());
        in.onPayload("{\"price\": true}", Map.of());
        in.onPayload("{\"symbol\": \"A\", \"price\": 2}", Map.of());
        assertThat(rows(out)).containsExactly(List.of("A", 2.0));
        assertThat(app.errorDroppedCount("Orders")).isEqualTo(2);
        assertThat(app.connectorErrorCount("Orders")).isEqualTo(2);
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING);
    }

    @Test
    void failFailsTheAppWithTheReasonAndStopsTheSources() throws Exception {
        AppRuntimeImpl app = deploy("""
                CREATE STREAM Orders (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'test', format = 'json', error.strategy = 'fail');
                INSERT INTO Out SELECT * FROM Orders;
                """);
        SourceListener in = f.source.listener("Orders");
        assertThatThrownBy(() -> in.onPayload("{\"symbol\": \"A\", \"price\": \"x\"}", Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("price");
        assertThat(Polling.await(() -> f.source.calls.contains("stop"), 10)).isTrue();
        assertThat(app.info().state()).isEqualTo(AppState.FAILED);
        assertThat(app.info().error()).contains("Orders").contains("price").contains("'x'");
    }

    private static final String SINK_APP = DLQ + """
            CREATE STREAM In (n INT);
            CREATE STREAM Out (n INT)
              WITH (type = 'sink', extension = 'flaky', error.strategy = 'retry', error.retry.max-attempts = '3',
                    error.retry.initial-delay = '1 ms', error.retry.backoff = 'fixed', error.dlq.stream = 'Dead');
            INSERT INTO Out SELECT n FROM In;
            """;

    @Test
    void aSinkFailureIsRetriedAndNothingIsLost() throws Exception {
        AppRuntimeImpl app = deploy(SINK_APP);
        f.sink.publishFailures.set(2);
        for (int i = 1; i <= 3; i++) {
            app.inputHandler("In").send(i);
        }
        assertThat(f.sink.delivered).containsExactly(List.of(1), List.of(2), List.of(3));
        assertThat(dead).isEmpty();
        assertThat(app.connectorCounters("Out").retries()).isEqualTo(2);
    }

    @Test
    void aSinkFailureBeyondTheLastAttemptGoesToTheDeadLetterStream() throws Exception {
        AppRuntimeImpl app = deploy(SINK_APP);
        f.sink.publishFailures.set(3);
        app.inputHandler("In").send(1);
        app.inputHandler("In").send(2);
        assertThat(f.sink.delivered).containsExactly(List.of(2));
        assertThat(dead).hasSize(1);
        Object[] d = dead.get(0).data();
        assertThat(d[0]).isEqualTo("[1]");
        assertThat((String) d[1]).contains("stream Out").contains("flaky").contains("publish refused");
        assertThat(d[2]).isEqualTo("SINK");
        assertThat(d[4]).isEqualTo(3);
        assertThat(d[5]).isEqualTo("Out");
    }

    @Test
    void anAsyncSinksExhaustedRetriesReachTheDeadLetterStreamFromItsOwnThread() throws Exception {
        AppRuntimeImpl app = (AppRuntimeImpl) f.runtime.deploy(SINK_APP.replace("error.strategy = 'retry',",
                "error.strategy = 'retry', async.enabled = 'true',"), DeployOptions.defaults());
        app.addCallback("Dead", dead::addAll);
        f.sink.publishFailures.set(3);
        app.inputHandler("In").send(1);
        app.inputHandler("In").send(2);
        app.processed().toCompletableFuture().get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(Polling.await(() -> dead.size() == 1, 10)).isTrue();
        assertThat(dead.get(0).get(0)).isEqualTo("[1]");
        assertThat(f.sink.delivered).containsExactly(List.of(2));
    }

    @Test
    void aFailedFlushFailsEveryEventSinceTheLastFlush() throws Exception {
        AppRuntimeImpl app = deploy(SINK_APP.replace("'retry'", "'dlq'"));
        f.sink.flushFailures.set(1);
        app.inputHandler("In").send(List.of(new Event(1, new Object[] {1}), new Event(1, new Object[] {2})));
        app.inputHandler("In").send(3);
        assertThat(f.sink.delivered).containsExactly(List.of(3));
        assertThat(dead).extracting(e -> e.get(0)).containsExactly("[1]", "[2]");
        assertThat(dead).extracting(e -> (String) e.get(1)).allMatch(m -> m.contains("flush refused"));
    }

    @Test
    void aFailedFlushIsRetriedWithTheWholeBatch() throws Exception {
        AppRuntimeImpl app = deploy(SINK_APP);
        f.sink.flushFailures.set(1);
        app.inputHandler("In").send(List.of(new Event(1, new Object[] {1}), new Event(1, new Object[] {2})));
        assertThat(f.sink.delivered).containsExactly(List.of(1), List.of(2));
        assertThat(dead).isEmpty();
    }

    @Test
    void aDeadLetterStreamCanItselfBeASinkStream() throws Exception {
        deploy("""
                CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING,
                                    timestamp LONG, attemptCount INT, streamName STRING)
                  WITH (type = 'sink', extension = 'flaky', format = 'json');
                CREATE STREAM Orders (symbol STRING, price DOUBLE)
                  WITH (type = 'source', extension = 'test', format = 'json', error.strategy = 'dlq',
                        error.dlq.stream = 'Dead');
                INSERT INTO Out SELECT * FROM Orders;
                """);
        f.source.listener("Orders").onPayload("{oops", Map.of());
        assertThat(f.sink.delivered).hasSize(1);
        assertThat((String) f.sink.delivered.get(0)).contains("\"originalEvent\":\"{oops\"")
                .contains("\"errorType\":\"MAPPING\"").contains("\"streamName\":\"Orders\"");
    }

    @Test
    void aDeadLetterStreamCanFeedAQuery() throws Exception {
        AppRuntimeImpl app = deploy(JSON_SOURCE + "INSERT INTO Problems SELECT streamName, errorType FROM Dead;");
        List<Event> problems = new CopyOnWriteArrayList<>();
        app.addCallback("Problems", problems::addAll);
        f.source.listener("Orders").onPayload("[", Map.of());
        assertThat(rows(problems)).containsExactly(List.of("Orders", "MAPPING"));
    }
}
