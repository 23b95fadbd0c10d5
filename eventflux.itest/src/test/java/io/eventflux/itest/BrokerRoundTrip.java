package io.eventflux.itest;

import static org.junit.Assert.assertEquals;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Events sent into an app go out through a connector sink to a broker and come back through the same
 * connector's source: both run inside Felix with their embedded client library. Runs inside OSGi.
 */
final class BrokerRoundTrip {
    private BrokerRoundTrip() {
    }

    /** Sends {@code count} events to stream In and waits until stream FromBroker received them all. */
    static void check(AppRuntime app, int count) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        try (AutoCloseable callback = app.addCallback("FromBroker", events -> {
            for (Event e : events) {
                received.add(e.get(0) + ":" + e.get(1));
            }
        })) {
            List<String> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                app.inputHandler("In").send(i, "v" + i);
                sent.add(i + ":v" + i);
            }
            Await.until(count + " events back from the broker (got " + received + ")",
                    () -> received.containsAll(sent) ? Boolean.TRUE : null);
            assertEquals(sent, received.subList(0, count));
        }
    }
}
