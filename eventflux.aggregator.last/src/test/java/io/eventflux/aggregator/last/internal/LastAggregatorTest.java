package io.eventflux.aggregator.last.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.extension.testing.Snapshots;
import java.util.List;
import org.junit.jupiter.api.Test;

class LastAggregatorTest {
    private final LastAggregatorFactory factory = new LastAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("last", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndKeepsTheInputType() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("last", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'last' takes 1 argument: last(value); got 0");
        Argument x = Argument.attribute("x", 0, AttributeType.INT);
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("last", List.of(x, x), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'last' takes 1 argument: last(value); got 2");
        for (AttributeType t : AttributeType.values()) {
            assertThat(define(t).returnType()).isEqualTo(t);
        }
        Extension ext = LastAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("last");
    }

    @Test
    void newestValueStillPresentAsWindowsExpireSkippingNulls() {
        Aggregator l = define(AttributeType.STRING).create();
        assertThat(l.value()).isNull();
        l.add("a");
        l.add("b");
        l.add(null);
        assertThat(l.value()).as("NULL is skipped").isEqualTo("b");
        l.add("a");
        assertThat(l.value()).isEqualTo("a");
        l.remove("a"); // FIFO expiry removes the oldest 'a', the newest stays
        assertThat(l.value()).isEqualTo("a");
        l.remove("a");
        assertThat(l.value()).as("out-of-order expiry of the newest").isEqualTo("b");
        l.remove(null);
        l.remove("b");
        assertThat(l.value()).isNull();
        l.remove("never-added");
        l.add("d");
        l.reset();
        assertThat(l.value()).isNull();
        l.add("e");
        assertThat(l.value()).isEqualTo("e");
    }

    @Test
    void keepsNumbersAsTheyCame() {
        Aggregator l = define(AttributeType.DOUBLE).create();
        l.add(7.5);
        l.add(3.25);
        assertThat(l.value()).isEqualTo(3.25);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.INT);
        Aggregator original = def.create();
        original.add(1);
        original.add(2);
        original.add(3);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(3);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(1);
            a.remove(3);
        }
        assertThat(restored.value()).as("arrival order survived the snapshot").isEqualTo(original.value()).isEqualTo(2);
        restored.add(9);
        assertThat(original.value()).as("the instances share nothing").isEqualTo(2);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
