package io.eventflux.aggregator.first.internal;

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

class FirstAggregatorTest {
    private final FirstAggregatorFactory factory = new FirstAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("first", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndKeepsTheInputType() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("first", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'first' takes 1 argument: first(value); got 0");
        Argument x = Argument.attribute("x", 0, AttributeType.INT);
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("first", List.of(x, x), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'first' takes 1 argument: first(value); got 2");
        for (AttributeType t : AttributeType.values()) {
            assertThat(define(t).returnType()).isEqualTo(t);
        }
        Extension ext = FirstAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("first");
    }

    @Test
    void oldestValueStillPresentAsWindowsExpireSkippingNulls() {
        Aggregator f = define(AttributeType.STRING).create();
        assertThat(f.value()).isNull();
        f.add(null);
        assertThat(f.value()).as("NULL is skipped").isNull();
        f.add("a");
        f.add("b");
        f.add("a");
        f.add("c");
        assertThat(f.value()).isEqualTo("a");
        f.remove("a"); // FIFO expiry of the first 'a'
        assertThat(f.value()).isEqualTo("b");
        f.remove(null);
        f.remove("b");
        assertThat(f.value()).as("the second 'a' is still there").isEqualTo("a");
        f.remove("c"); // out of order (a sort or unique window)
        assertThat(f.value()).isEqualTo("a");
        f.remove("a");
        assertThat(f.value()).isNull();
        f.remove("never-added");
        f.add("d");
        f.reset();
        assertThat(f.value()).isNull();
        f.add("e");
        assertThat(f.value()).isEqualTo("e");
    }

    @Test
    void keepsNumbersAsTheyCame() {
        Aggregator f = define(AttributeType.LONG).create();
        f.add(7L);
        f.add(3L);
        assertThat(f.value()).isEqualTo(7L);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.INT);
        Aggregator original = def.create();
        original.add(1);
        original.add(2);
        original.add(1);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(1);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(1);
            a.add(3);
        }
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(2);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(2);
        }
        assertThat(restored.value()).as("arrival order survived the snapshot").isEqualTo(original.value()).isEqualTo(1);
        restored.reset();
        assertThat(original.value()).as("the instances share nothing").isEqualTo(1);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
