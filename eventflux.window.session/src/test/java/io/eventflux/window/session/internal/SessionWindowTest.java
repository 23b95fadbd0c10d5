package io.eventflux.window.session.internal;

import static io.eventflux.extension.testing.WindowHarness.duration;
import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.number;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class SessionWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);

    private final SessionWindowFactory factory = new SessionWindowFactory();

    private Window window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec("session", args));
        assertThat(def.isBatch()).isTrue();
        return def.create(h);
    }

    private static void advanceTo(long time, Window w, WindowHarness h) {
        h.advanceTo(time, w);
    }

    private static void send(Event e, Window w, WindowHarness h) {
        h.send(e, w);
    }

    /** A late event: stamped {@code ts}, arriving when the clock reads {@code clock}. */
    private static void sendLate(long clock, Event e, Window w, WindowHarness h) {
        advanceTo(clock, w, h);
        w.process(e, h);
    }

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("session")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'session' takes 1 to 3 argument(s): session(gap [, key] [, allowedLatency]); got 0");
        assertThatThrownBy(() -> factory.define(spec("session", duration(1), SYMBOL, number(0), number(0))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("got 4");
        assertThatThrownBy(() -> factory.define(spec("session", duration(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'session' parameter 'gap' must be positive, was 0");
        assertThatThrownBy(() -> factory.define(spec("session", SYMBOL)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'gap' must be an integer constant, was attribute symbol (STRING)");
        assertThatThrownBy(() -> factory.define(spec("session", duration(10), Argument.constant(AttributeType.STRING, "k", false))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'session' parameter 'key' must be an attribute, was 'k' (STRING)");
        assertThatThrownBy(() -> factory.define(spec("session", duration(10), number(1), number(1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'key' must be an attribute, was 1 (LONG)");
        assertThatThrownBy(() -> factory.define(spec("session", duration(10), SYMBOL, duration(11))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'session' parameter 'allowedLatency' must be between 0 and the gap (10 ms), was 11");
        assertThatThrownBy(() -> factory.define(spec("session", duration(10), number(-1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'allowedLatency' must be between 0");
        assertThatThrownBy(() -> factory.define(spec("session", duration(10), SYMBOL, SYMBOL)))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'allowedLatency' must be an integer constant, was attribute symbol (STRING)");
    }

    @Test
    void twoArgumentFormTakesAKeyOrALatency() {
        assertThat(factory.define(spec("session", duration(100), SYMBOL)))
                .isEqualTo(new SessionWindowDefinition(100, 0, 0));
        assertThat(factory.define(spec("session", duration(100), duration(50))))
                .isEqualTo(new SessionWindowDefinition(100, -1, 50));
        assertThat(factory.define(spec("session", duration(100), SYMBOL, duration(50))))
                .isEqualTo(new SessionWindowDefinition(100, 0, 50));
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = SessionWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("session");
        assertThat(ext.parameters()).hasSize(3);
    }

    @Test
    void aSessionClosesAfterGapOfSilenceAndExpiresAtTheNextClose() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000));
        send(event(0, "a"), w, h);
        send(event(500, "b"), w, h);
        assertThat(h.take()).isEmpty();
        advanceTo(1499, w, h);
        assertThat(h.take()).as("the timer for the first event found the session extended").isEmpty();
        assertThat(h.scheduled).containsExactly(1500L);
        advanceTo(1500, w, h);
        assertThat(h.take()).containsExactly("current 0 [a, 1.0]", "current 500 [b, 1.0]", "flush 1500");
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(0L, 500L);

        send(event(3000, "c"), w, h);
        send(event(4000, "d"), w, h);
        assertThat(h.take()).as("an event exactly gap after the last one starts a new session")
                .containsExactly("expired 4000 [a, 1.0]", "expired 4000 [b, 1.0]", "current 3000 [c, 1.0]", "flush 4000");
        advanceTo(9000, w, h);
        assertThat(h.take()).containsExactly("expired 5000 [c, 1.0]", "current 4000 [d, 1.0]", "flush 5000");
        assertThat(h.scheduled).isEmpty();
    }

    @Test
    void sessionsArePerKeyAndThoseClosingTogetherShareAFlush() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000), SYMBOL);
        send(event(0, "A"), w, h);
        send(event(200, "B"), w, h);
        send(event(900, "A"), w, h);
        send(event(1100, "B"), w, h);
        advanceTo(1900, w, h);
        assertThat(h.take()).containsExactly("current 0 [A, 1.0]", "current 900 [A, 1.0]", "flush 1900");
        advanceTo(2100, w, h);
        assertThat(h.take()).containsExactly("expired 2100 [A, 1.0]", "expired 2100 [A, 1.0]",
                "current 200 [B, 1.0]", "current 1100 [B, 1.0]", "flush 2100");

        send(event(5000, "D"), w, h);
        send(event(5000, "C"), w, h);
        advanceTo(6000, w, h);
        assertThat(h.take()).containsExactly("expired 6000 [B, 1.0]", "expired 6000 [B, 1.0]",
                "current 5000 [D, 1.0]", "current 5000 [C, 1.0]", "flush 6000");
    }

    @Test
    void closesDueSessionsBeforeAnArrivalWhenTheTimerDidNotFire() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(100), SYMBOL);
        w.process(event(0, "A"), h);
        w.process(event(50, "B"), h);
        w.process(event(500, "A"), h);
        assertThat(h.take()).containsExactly("current 0 [A, 1.0]", "flush 100",
                "expired 150 [A, 1.0]", "current 50 [B, 1.0]", "flush 150");
        w.onTimer(100, h); // stale
        assertThat(h.take()).isEmpty();
    }

    @Test
    void allowedLatencyLetsLateEventsJoinAndBridgeSessions() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, duration(1000), SYMBOL, duration(500));
        send(event(0, "A"), w, h);
        send(event(1200, "B"), w, h);
        sendLate(1300, event(800, "A"), w, h);
        advanceTo(2299, w, h);
        assertThat(h.take()).as("A's gap ended at 1000, but latency keeps it open and the late event moves its close")
                .isEmpty();
        advanceTo(2300, w, h);
        assertThat(h.take()).containsExactly("current 0 [A, 1.0]", "current 800 [A, 1.0]", "flush 2300");

        sendLate(2400, event(400, "A"), w, h);
        sendLate(2400, event(1000, "A"), w, h);
        assertThat(h.take()).isEmpty();
        advanceTo(2500, w, h);
        assertThat(h.take()).as("400 was too late to start a session that would be over; 1000 was not")
                .containsExactly("expired 2500 [A, 1.0]", "expired 2500 [A, 1.0]", "current 1000 [A, 1.0]", "flush 2500");

        WindowHarness h2 = new WindowHarness();
        Window one = window(h2, duration(1000), duration(1000));
        send(event(0, "a"), one, h2);
        send(event(1500, "b"), one, h2);
        sendLate(1600, event(700, "c"), one, h2);
        advanceTo(3499, one, h2);
        assertThat(h2.take()).as("c bridges the two open sessions into one").isEmpty();
        advanceTo(3500, one, h2);
        assertThat(h2.take()).containsExactly("current 0 [a, 1.0]", "current 1500 [b, 1.0]", "current 700 [c, 1.0]",
                "flush 3500");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        Window original = window(h, duration(1000), SYMBOL);
        send(event(0, "A"), original, h);
        send(event(300, "B"), original, h);
        send(event(800, "A"), original, h);
        advanceTo(1400, original, h);
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        assertThat(h.take()).containsExactly("current 300 [B, 1.0]", "flush 1300");

        WindowHarness h2 = new WindowHarness();
        h2.now = h.now;
        Window restored = window(h2, duration(1000), SYMBOL);
        restored.restore(state);
        assertThat(h2.scheduled).as("restore asks for the earliest close").containsExactly(1800L);
        assertThat(restored.contents()).containsExactlyElementsOf(original.contents());

        send(event(1500, "C"), original, h);
        send(event(1500, "C"), restored, h2);
        send(event(1600, "A"), original, h);
        send(event(1600, "A"), restored, h2);
        advanceTo(4000, original, h);
        advanceTo(4000, restored, h2);
        assertThat(h2.take()).containsExactly("expired 2500 [B, 1.0]", "current 1500 [C, 1.0]", "flush 2500",
                "expired 2600 [C, 1.0]", "current 0 [A, 1.0]", "current 800 [A, 1.0]", "current 1600 [A, 1.0]",
                "flush 2600").isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(new WindowHarness(), duration(10));
        assertThatThrownBy(() -> w.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
