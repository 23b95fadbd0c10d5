package io.eventflux.aggregator.distinctcount.internal;

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

class DistinctCountAggregatorTest {
    private final DistinctCountAggregatorFactory factory = new DistinctCountAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("distinctCount", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndReturnsLong() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("distinctCount", List.of(), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'distinctCount' takes 1 argument: distinctCount(value); got 0");
        Argument x = Argument.attribute("x", 0, AttributeType.INT);
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("distinctCount", List.of(x, x), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'distinctCount' takes 1 argument: distinctCount(value); got 2");
        for (AttributeType t : AttributeType.values()) {
            assertThat(define(t).returnType()).isEqualTo(AttributeType.LONG);
        }
        assertThat(factory.define(new AggregatorSpec("distinctCount", List.of(x), true)).returnType())
                .as("DISTINCT is redundant, not an error").isEqualTo(AttributeType.LONG);
        Extension ext = DistinctCountAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("distinctCount");
    }

    @Test
    void countsDistinctValuesThroughRemovalsAndSkipsNulls() {
        Aggregator d = define(AttributeType.STRING).create();
        assertThat(d.value()).isEqualTo(0L);
        d.add("a");
        d.add("b");
        d.add("a");
        d.add(null);
        assertThat(d.value()).isEqualTo(2L);
        d.remove("a");
        assertThat(d.value()).as("one copy of 'a' is still there").isEqualTo(2L);
        d.remove("a");
        d.remove(null);
        d.remove("never-added");
        assertThat(d.value()).isEqualTo(1L);
        d.remove("b");
        assertThat(d.value()).isEqualTo(0L);
        d.add("c");
        d.reset();
        assertThat(d.value()).isEqualTo(0L);
        d.add("c");
        assertThat(d.value()).as("reset forgets multiplicities").isEqualTo(1L);
    }

    @Test
    void tellsNumbersApartByValue() {
        Aggregator d = define(AttributeType.LONG).create();
        d.add(5L);
        d.add(Long.valueOf(5_000_000L));
        d.add(Long.valueOf(5_000_000L)); // distinct instances outside the Long cache, equal values
        assertThat(d.value()).isEqualTo(2L);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.STRING);
        Aggregator original = def.create();
        original.add("a");
        original.add("a");
        original.add("b");
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(2L);
        for (Aggregator a : List.of(original, restored)) {
            a.remove("a");
            a.remove("b");
            a.add("c");
        }
        assertThat(restored.value()).as("multiplicities survived the snapshot").isEqualTo(original.value()).isEqualTo(2L);
        restored.remove("a");
        assertThat(original.value()).as("the instances share nothing").isEqualTo(2L);
        assertThat(restored.value()).isEqualTo(1L);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
