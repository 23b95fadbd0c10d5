package io.eventflux.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpSinkTest {
    private static final StreamSchema ALERTS = new StreamSchema("Alerts", List.of(
            new Attribute("id", AttributeType.STRING), new Attribute("level", AttributeType.INT)));
    private static final Event EVENT = new Event(1L, new Object[] {"a", 1});

    private final HttpSinkFactory factory = new HttpSinkFactory();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private TestReceiver receiver(int port) throws Exception {
        TestReceiver r = new TestReceiver(port);
        open.add(r);
        return r;
    }

    private Sink sink(String url, String... kv) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("http.url", url, "http.retry.initial-delay", "10",
                "http.retry.max-delay", "100"));
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        Sink sink = factory.create(new ConnectorSpec("alerting", ALERTS, options));
        sink.start();
        open.add(sink::stop);
        return sink;
    }

    @Test
    void eachEventIsOneRequestWithMethodHeadersContentTypeAndToken() throws Exception {
        TestReceiver r = receiver(0);
        Sink json = sink(r.url("/alerts"), "http.headers.X-Team", "ops", "http.auth.token", "tok-1");
        Sink csv = sink(r.url("/put"), "format", "csv", "http.method", "put");
        Sink raw = sink(r.url("/raw"), "format", "bytes", "http.content.type", "application/x-thing");

        json.publish("{\"id\":\"a\",\"level\":1}", EVENT);
        json.publish("{\"id\":\"b\",\"level\":2}", EVENT);
        json.flush();
        csv.publish("a,1", EVENT);
        raw.publish(new byte[] {104, 105}, EVENT);

        assertThat(r.requests).extracting(TestReceiver.Recorded::method, TestReceiver.Recorded::path,
                TestReceiver.Recorded::body).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST", "/alerts", "{\"id\":\"a\",\"level\":1}"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/alerts", "{\"id\":\"b\",\"level\":2}"),
                        org.assertj.core.groups.Tuple.tuple("PUT", "/put", "a,1"),
                        org.assertj.core.groups.Tuple.tuple("POST", "/raw", "hi"));
        assertThat(r.requests.get(0).headers()).containsEntry("X-Team", "ops")
                .containsEntry("Authorization", "Bearer tok-1").containsEntry("Content-Type", "application/json");
        assertThat(r.requests.get(2).headers()).containsEntry("Content-Type", "text/csv; charset=utf-8");
        assertThat(r.requests.get(3).headers()).containsEntry("Content-Type", "application/x-thing");
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetriedThenDelivered() throws Exception {
        TestReceiver r = receiver(0).then(TestReceiver.Reply.of(500), TestReceiver.Reply.of(502),
                new TestReceiver.Reply(429, Map.of("Retry-After", "1"), "slow down", 0));
        Sink sink = sink(r.url("/alerts"), "http.retry.max-delay", "2000");

        sink.publish("e1", EVENT);

        assertThat(r.requests).hasSize(4).extracting(TestReceiver.Recorded::body).containsOnly("e1");
        long afterTooMany = TimeUnit.NANOSECONDS.toMillis(r.requests.get(3).nanos() - r.requests.get(2).nanos());
        assertThat(afterTooMany).as("Retry-After: 1 is honoured").isGreaterThanOrEqualTo(950);
    }

    @Test
    void aRefusedConnectionIsRetriedUntilTheReceiverIsUp() throws Exception {
        int port = Await.freePort();
        Sink sink = sink("http://127.0.0.1:" + port + "/alerts", "http.retry.max-attempts", "50",
                "http.retry.initial-delay", "50", "http.retry.max-delay", "50");
        Thread[] publisher = new Thread[1];
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            publisher[0] = Thread.currentThread();
            try {
                sink.publish("late", EVENT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the publisher waiting between attempts means at least one attempt was refused
        Await.until(() -> publisher[0] != null && publisher[0].getState() == Thread.State.TIMED_WAITING
                && !sent.isDone(), Duration.ofSeconds(10), "a refused attempt");

        TestReceiver r = receiver(port);
        sent.get(10, TimeUnit.SECONDS);

        assertThat(r.requests).extracting(TestReceiver.Recorded::body).containsExactly("late");
    }

    @Test
    void aClientErrorIsNotRetriedAndNamesStatusAndUrl() throws Exception {
        TestReceiver r = receiver(0).then(new TestReceiver.Reply(400, Map.of(), "field 'level' is missing", 0));
        Sink sink = sink(r.url("/alerts?key=hidden"), "http.auth.token", "tok-1");

        assertThatThrownBy(() -> sink.publish("e1", EVENT))
                .isInstanceOf(HttpSink.HttpStatusException.class)
                .hasMessage("stream Alerts of app alerting: POST http://127.0.0.1:" + r.port()
                        + "/alerts answered 400 Bad Request: field 'level' is missing (not retried)");
        assertThat(r.requests).hasSize(1);
    }

    @Test
    void retriesGiveUpAfterMaxAttemptsNamingTheLastFailure() throws Exception {
        TestReceiver r = receiver(0).otherwise(TestReceiver.Reply.of(503));
        Sink sink = sink(r.url("/alerts"), "http.retry.max-attempts", "3");

        assertThatThrownBy(() -> sink.publish("e1", EVENT))
                .isInstanceOf(IOException.class)
                .hasMessage("stream Alerts of app alerting: POST http://127.0.0.1:" + r.port()
                        + "/alerts failed after 3 attempt(s): answered 503 Service Unavailable");
        assertThat(r.requests).hasSize(3);
    }

    @Test
    void aSlowReceiverTimesOutAndTheTimeoutIsRetried() throws Exception {
        TestReceiver r = receiver(0).otherwise(new TestReceiver.Reply(200, Map.of(), "", 5_000));
        Sink sink = sink(r.url("/alerts"), "http.timeout.ms", "200", "http.retry.max-attempts", "2");
        long start = System.nanoTime();

        assertThatThrownBy(() -> sink.publish("e1", EVENT))
                .hasMessageEndingWith("failed after 2 attempt(s): timed out after 200 ms (http.timeout.ms)");

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(3_000);
        Await.until(() -> r.requests.size() == 2, Duration.ofSeconds(5), "both attempts to arrive");
    }

    @Test
    void stopEndsAPublishWaitingToRetry() throws Exception {
        TestReceiver r = receiver(0).otherwise(TestReceiver.Reply.of(503));
        Sink sink = sink(r.url("/alerts"), "http.retry.initial-delay", "60000", "http.retry.max-delay", "60000");
        Thread[] publisher = new Thread[1];
        CompletableFuture<Exception> failed = CompletableFuture.supplyAsync(() -> {
            publisher[0] = Thread.currentThread();
            try {
                sink.publish("e1", EVENT);
                return null;
            } catch (Exception e) {
                return e;
            }
        });
        Await.until(() -> publisher[0] != null && publisher[0].getState() == Thread.State.TIMED_WAITING,
                Duration.ofSeconds(10), "the first retry wait");

        sink.stop();

        assertThat(failed.get(5, TimeUnit.SECONDS)).hasMessageContaining("http sink stopped while retrying");
    }

    @Test
    void aRedirectIsNotFollowedSoThePayloadIsNotTurnedIntoAGet() throws Exception {
        TestReceiver r = receiver(0).then(new TestReceiver.Reply(302, Map.of("Location", "/elsewhere"), "", 0));
        Sink sink = sink(r.url("/alerts"));

        assertThatThrownBy(() -> sink.publish("e1", EVENT)).hasMessageContaining("answered 302");
        assertThat(r.requests).extracting(TestReceiver.Recorded::path).containsExactly("/alerts");
    }

    @Test
    void backoffDoublesUpToTheMaximumAndCapsRetryAfter() {
        RetryPolicy p = new RetryPolicy(10, 100, 1_000);
        assertThat(List.of(p.delayMillis(1, -1), p.delayMillis(2, -1), p.delayMillis(4, -1), p.delayMillis(9, -1)))
                .containsExactly(100L, 200L, 800L, 1_000L);
        assertThat(p.delayMillis(1, 500)).isEqualTo(500);
        assertThat(p.delayMillis(1, 60_000)).isEqualTo(1_000);
        assertThat(HttpSink.retryAfterMillis("2")).isEqualTo(2_000);
        assertThat(HttpSink.retryAfterMillis("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(-1);
    }

    @Test
    void badOptionsNameTheStreamAndTheKeyAndTheTokenNeverShows() throws Exception {
        assertThatThrownBy(() -> factory.create(new ConnectorSpec("a", ALERTS, Map.of())))
                .hasMessage("stream Alerts: option 'http.url' is required");
        assertThatThrownBy(() -> factory.create(new ConnectorSpec("a", ALERTS,
                Map.of("http.url", "http://h/x", "http.method", "DELETE"))))
                .hasMessage("stream Alerts: option 'http.method' must be POST, PUT or PATCH, was 'DELETE'");
        assertThatThrownBy(() -> factory.create(new ConnectorSpec("a", ALERTS,
                Map.of("http.url", "http://h/x", "http.retry.initial-delay", "5 s", "http.retry.max-delay", "1 s"))))
                .hasMessage("stream Alerts: option 'http.retry.max-delay' (1000 ms) is shorter than "
                        + "'http.retry.initial-delay' (5000 ms)");
        Sink sink = factory.create(new ConnectorSpec("a", ALERTS,
                Map.of("http.url", "http://h/x", "http.auth.token", "tok-secret")));
        assertThat(sink.toString()).doesNotContain("tok-secret");
    }
}
