package io.eventflux.connector.http.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollingSourceTest {
    private static final StreamSchema PRICES = new StreamSchema("Prices", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE)));

    private final HttpSourceFactory factory = new HttpSourceFactory(new WebhookServers());
    private TestReceiver server;
    private Source source;

    @AfterEach
    void stop() throws Exception {
        if (source != null) {
            source.stop();
        }
        if (server != null) {
            server.close();
        }
    }

    private Source poll(String... kv) {
        Map<String, String> options = new HashMap<>(Map.of("http.mode", "poll", "http.url", server.url("/prices?page=1")));
        for (int i = 0; i < kv.length; i += 2) {
            options.put(kv[i], kv[i + 1]);
        }
        return factory.create(new ConnectorSpec("quotes", PRICES, options));
    }

    @Test
    void getsTheUrlEveryIntervalWithHeadersAndHandsEachBodyOver() throws Exception {
        server = new TestReceiver(0).then(new TestReceiver.Reply(200, Map.of(), "{\"n\":1}", 0),
                new TestReceiver.Reply(204, Map.of(), "", 0), new TestReceiver.Reply(200, Map.of(), "{\"n\":2}", 0));
        server.otherwise(new TestReceiver.Reply(200, Map.of(), "{\"n\":3}", 0));
        CollectingListener listener = new CollectingListener();
        source = poll("http.poll.interval.ms", "20", "http.headers.X-Api-Key", "k1", "http.auth.token", "t0ken");

        source.start(listener);
        Await.until(() -> listener.received.size() >= 3, Duration.ofSeconds(10), "three polled payloads");

        assertThat(listener.payloads().subList(0, 3)).containsExactly("{\"n\":1}", "{\"n\":2}", "{\"n\":3}");
        assertThat(listener.received.get(0).headers())
                .containsEntry(SourceListener.LOCATION, "http GET http://127.0.0.1:" + server.port() + "/prices");
        TestReceiver.Recorded first = server.requests.get(0);
        assertThat(first.method()).isEqualTo("GET");
        assertThat(first.path()).isEqualTo("/prices");
        assertThat(first.headers()).containsEntry("X-Api-Key", "k1").containsEntry("Authorization", "Bearer t0ken");
    }

    @Test
    void failedPollsBackOffAndPollingRecovers() throws Exception {
        server = new TestReceiver(0).then(TestReceiver.Reply.of(500), TestReceiver.Reply.of(503),
                new TestReceiver.Reply(200, Map.of(), "ok", 0));
        CollectingListener listener = new CollectingListener();
        source = poll("http.poll.interval.ms", "50");

        source.start(listener);
        Await.until(() -> !listener.received.isEmpty(), Duration.ofSeconds(10), "the payload after two failures");

        List<TestReceiver.Recorded> r = server.requests;
        long afterFirst = TimeUnit.NANOSECONDS.toMillis(r.get(1).nanos() - r.get(0).nanos());
        long afterSecond = TimeUnit.NANOSECONDS.toMillis(r.get(2).nanos() - r.get(1).nanos());
        assertThat(afterFirst).as("wait after one failure: twice the interval").isGreaterThanOrEqualTo(95);
        assertThat(afterSecond).as("wait after two failures: four times the interval").isGreaterThanOrEqualTo(195);
        assertThat(listener.payloads().get(0)).isEqualTo("ok");
    }

    @Test
    void stopEndsThePollerThreadAndItsClient() throws Exception {
        server = new TestReceiver(0);
        CollectingListener listener = new CollectingListener();
        source = poll("http.poll.interval.ms", "10", "format", "bytes");
        server.otherwise(new TestReceiver.Reply(200, Map.of(), "b", 0));

        source.start(listener);
        Await.until(() -> listener.received.size() >= 2, Duration.ofSeconds(10), "two payloads");
        assertThat(threads("eventflux-http-poll-Prices")).isNotEmpty();
        source.stop();

        // stop() returns once the poller thread has ended and the client's pool is stopped
        assertThat(threads("eventflux-http-poll-Prices")).isEmpty();
        assertThat(listener.payloads().get(0)).isInstanceOf(byte[].class);
    }

    private static List<String> threads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith(prefix)).toList();
    }

    @Test
    void pollModeNeedsAnHttpUrl() {
        assertThatThrownBy(() -> factory.create(new ConnectorSpec("quotes", PRICES, Map.of("http.mode", "poll"))))
                .hasMessage("stream Prices: option 'http.url' is required");
        assertThatThrownBy(() -> factory.create(new ConnectorSpec("quotes", PRICES,
                Map.of("http.mode", "poll", "http.url", "ftp://user:pw@host/x?k=secret"))))
                .hasMessage("stream Prices: option 'http.url' must be an absolute http:// or https:// URL, was "
                        + "'ftp://host/x'");
    }
}
