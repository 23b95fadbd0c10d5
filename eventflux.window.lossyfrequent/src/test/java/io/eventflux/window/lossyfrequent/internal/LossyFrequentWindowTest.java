package io.eventflux.window.lossyfrequent.internal;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LossyFrequentWindowTest {
    private static final Argument SYMBOL = Argument.attribute("symbol", 0, AttributeType.STRING);

    private final LossyFrequentWindowFactory factory = new LossyFrequentWindowFactory();

    private LossyFrequentWindow window(WindowHarness h, Argument... args) {
        WindowDefinition def = factory.define(spec("lossyFrequent", args));
        assertThat(def.isBatch()).isFalse();
        return (LossyFrequentWindow) def.create(h);
    }

    private static Argument real(double v) {
        return Argument.constant(AttributeType.DOUBLE, v, false);
    }

    private static final String[] STREAM = {"a", "a", "b", "c", "d", "a", "d", "e"};

    @Test
    void validatesParameters() {
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent")))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lossyFrequent' takes at least 1 argument(s): lossyFrequent(support [, error] [, attribute ...]); got 0");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", real(0))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lossyFrequent' parameter 'support' must be between 0 and 1 (exclusive), was 0.0");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", number(1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'support' must be between 0 and 1");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", real(0.3), real(1.5))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lossyFrequent' parameter 'error' must be between 0 and 1 (exclusive), was 1.5");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", real(0.3), real(0.3))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lossyFrequent' parameter 'error' must be below support 0.3, was 0.3");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", duration(1))))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("'support' is a fraction, not a duration");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", Argument.constant(AttributeType.STRING, "x", false))))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("'support' must be a numeric constant, was 'x' (STRING)");
        assertThatThrownBy(() -> factory.define(spec("lossyFrequent", real(0.3), real(0.1), SYMBOL, real(0.2))))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("window 'lossyFrequent' parameter 4 must be a key attribute, was 0.2 (DOUBLE)");
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = LossyFrequentWindowFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.WINDOW);
        assertThat(ext.name()).isEqualTo("lossyFrequent");
        assertThat(ext.parameters()).hasSize(3);
    }

    @Test
    void reportsFrequentKeysAndPrunesAtBucketEnds() {
        WindowHarness h = new WindowHarness();
        // support 0.5, error 0.25: buckets of 4 events, report when count >= 0.25 * N
        LossyFrequentWindow w = window(h, real(0.5), real(0.25), SYMBOL);
        for (int i = 0; i < 4; i++) {
            w.process(event(i + 1, STREAM[i]), h);
        }
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [a, 1.0]", "current 3 [b, 1.0]",
                "current 4 [c, 1.0]", "expired 4 [b, 1.0]", "expired 4 [c, 1.0]");
        assertThat(w.entries()).containsExactly(Map.entry(List.of("a"), List.of(2L, 0L)));

        for (int i = 4; i < 8; i++) {
            w.process(event(i + 1, STREAM[i]), h);
        }
        assertThat(h.take()).as("d is below 0.25 * 5 when first seen; e is pruned at the end of bucket 2")
                .containsExactly("current 6 [a, 1.0]", "current 7 [d, 1.0]", "expired 8 [e, 1.0]");
        assertThat(w.entries()).containsExactly(Map.entry(List.of("a"), List.of(3L, 0L)),
                Map.entry(List.of("d"), List.of(2L, 1L)));
        assertThat(w.contents()).extracting(Event::timestamp).containsExactly(6L, 7L);
    }

    @Test
    void errorDefaultsToATenthOfSupportAndKeysToAllAttributes() {
        WindowHarness h = new WindowHarness();
        LossyFrequentWindow w = window(h, real(0.5));
        for (int i = 1; i <= 20; i++) {
            w.process(new Event(i, new Object[] {i % 2 == 0 ? "x" : "y" + i, 1.0}), h);
        }
        // bucket width ceil(1 / 0.05) = 20: nothing is pruned before the 20th event, then every y
        assertThat(h.take()).filteredOn(s -> s.startsWith("expired")).hasSize(10).allMatch(s -> s.contains("[y"));
        assertThat(w.entries()).containsOnlyKeys(List.of("x", 1.0));
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        WindowHarness h = new WindowHarness();
        LossyFrequentWindow original = window(h, real(0.5), real(0.25), SYMBOL);
        for (int i = 0; i < 5; i++) {
            original.process(event(i + 1, STREAM[i]), h);
        }
        Serializable state = WindowHarness.roundTrip(original.snapshot());
        h.take();

        WindowHarness h2 = new WindowHarness();
        LossyFrequentWindow restored = window(h2, real(0.5), real(0.25), SYMBOL);
        restored.restore(state);
        assertThat(restored.entries()).isEqualTo(original.entries());

        for (int i = 5; i < 8; i++) {
            original.process(event(i + 1, STREAM[i]), h);
            restored.process(event(i + 1, STREAM[i]), h2);
        }
        assertThat(h2.take()).containsExactly("current 6 [a, 1.0]", "current 7 [d, 1.0]", "expired 8 [e, 1.0]")
                .isEqualTo(h.take());
    }

    @Test
    void restoreRejectsForeignState() {
        Window w = window(new WindowHarness(), real(0.5));
        assertThatThrownBy(() -> w.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
