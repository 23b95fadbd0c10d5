package io.eventflux.window.cron.internal;

import static io.eventflux.extension.testing.WindowHarness.event;
import static io.eventflux.extension.testing.WindowHarness.number;
import static io.eventflux.extension.testing.WindowHarness.spec;
import static io.eventflux.extension.testing.WindowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.Window;
import io.eventflux.api.window.WindowDefinition;
import io.eventflux.extension.testing.WindowHarness;
import java.io.Serializable;
import org.junit.jupiter.api.Test;

class CronWindowTest {
    private final CronWindowFactory factory = new CronWindowFactory();

    private Window window(WindowHarness h, String expression) {
        WindowDefinition def = factory.define(spec("cron", text(expression)));
        assertThat(def.isBatch()).isTrue();
        return def.create(h);
    }

    private static void advanceTo(long time, Window w, WindowHarness h) {
        h.advanceTo(time, w);
    }

    private static void send(Event e, Window w, WindowHarness h) {
        h.send(e, w);
    }

    @Test
    void theDefinitionsTextIsItsExpressionTheSameInEveryCompile() {
        // an app's plan text fingerprints its stored snapshots: no identity hash may be part of it
        WindowDefinition a = factory.define(spec("cron", text("*/5 * * * * *")));
        WindowDefinition b = factory.define(spec("cron", text("*/5 * * * * *")));
        assertThat(a.toString()).isEqualTo(b.toString())
                .isEqualTo("CronWindowDefinition[expression=*/5 * * * * *, times=CronTimes[*/5 * * * * *]]");
    }

    @Test
    void flushesAtEveryCronMatchAndExpiresThePreviousBatch() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, "*/5 * * * * *");
        send(event(1000, "a"), w, h);
        send(event(4999, "b"), w, h);
        send(event(5000, "c"), w, h); // exactly at a match: opens the next batch
        assertThat(h.take()).containsExactly("current 1000 [a, 1.0]", "current 4999 [b, 1.0]", "flush 5000");
        advanceTo(10_000, w, h);
        assertThat(h.take()).containsExactly("expired 10000 [a, 1.0]", "expired 10000 [b, 1.0]",
                "current 5000 [c, 1.0]", "flush 10000");
        advanceTo(15_000, w, h);
        assertThat(h.take()).containsExactly("expired 15000 [c, 1.0]", "flush 15000");
        advanceTo(60_000, w, h);
        assertThat(h.take()).isEmpty();
        assertThat(h.scheduled).isEmpty(); // idle: no timer
        send(event(61_500, "d"), w, h);
        advanceTo(65_000, w, h);
        assertThat(h.take()).containsExactly("current 61500 [d, 1.0]", "flush 65000");
    }

    @Test
    void minuteSchedulesAreInUtc() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, "0 0 * * * ?"); // at the top of every hour
        send(event(1_000, "a"), w, h);
        assertThat(h.scheduled).containsExactly(3_600_000L);
    }

    @Test
    void snapshotAndRestoreKeepBatchesAndTheTimer() {
        WindowHarness h = new WindowHarness();
        Window w = window(h, "*/5 * * * * *");
        send(event(1000, "a"), w, h);
        advanceTo(5000, w, h);
        send(event(6000, "b"), w, h);
        h.take();
        Serializable state = WindowHarness.roundTrip(w.snapshot());
        WindowHarness h2 = new WindowHarness();
        Window restored = window(h2, "*/5 * * * * *");
        restored.restore(state);
        assertThat(h2.scheduled).containsExactly(10_000L);
        advanceTo(10_000, restored, h2);
        assertThat(h2.take()).containsExactly("expired 10000 [a, 1.0]", "current 6000 [b, 1.0]", "flush 10000");
    }

    @Test
    void parametersAreValidated() {
        assertThatThrownBy(() -> factory.define(spec("cron", number(5))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("must be a string constant");
        assertThatThrownBy(() -> factory.define(spec("cron", text("*/5 * * * *"))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("has 5 field(s)");
        assertThatThrownBy(() -> factory.define(spec("cron", text("99 * * * * *"))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("invalid cron expression '99 * * * * *'");
        assertThatThrownBy(() -> factory.define(spec("cron")))
                .isInstanceOf(ExtensionException.class);
    }

    @Test
    void describesItself() {
        Extension e = CronWindowFactory.class.getAnnotation(Extension.class);
        assertThat(e.name()).isEqualTo("cron");
        assertThat(e.type()).isEqualTo(Extension.WINDOW);
    }
}
