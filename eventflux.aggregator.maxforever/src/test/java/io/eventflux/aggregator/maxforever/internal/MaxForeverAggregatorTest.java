package io.eventflux.aggregator.maxforever.internal;

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

class MaxForeverAggregatorTest {
    private final MaxForeverAggregatorFactory factory = new MaxForeverAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("maxForever", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndKeepsTheInputType() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("maxForever", List.of(), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'maxForever' takes 1 argument: maxForever(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.OBJECT))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'maxForever' parameter 'value' must be comparable "
                        + "(STRING, INT, LONG, FLOAT, DOUBLE or BOOL), was attribute x (OBJECT)");
        for (AttributeType t : List.of(AttributeType.STRING, AttributeType.INT, AttributeType.LONG, AttributeType.FLOAT,
                AttributeType.DOUBLE, AttributeType.BOOL)) {
            assertThat(define(t).returnType()).isEqualTo(t);
        }
        Extension ext = MaxForeverAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("maxForever");
    }

    @Test
    void keepsTheExtremeThroughRemovalsAndBatchesSkippingNulls() {
        Aggregator m = define(AttributeType.INT).create();
        assertThat(m.value()).isNull();
        m.add(null);
        assertThat(m.value()).isNull();
        m.add(3);
        m.add(-2);
        m.add(null);
        m.add(9);
        assertThat(m.value()).isEqualTo(9);
        m.remove(9);
        assertThat(m.value()).as("removal is ignored").isEqualTo(9);
        m.reset();
        assertThat(m.value()).as("a new batch keeps it too").isEqualTo(9);
        m.add(5);
        assertThat(m.value()).isEqualTo(9);
    }

    @Test
    void worksOnStrings() {
        Aggregator m = define(AttributeType.STRING).create();
        m.add("banana");
        m.add("apple");
        m.add("cherry");
        m.remove("cherry");
        assertThat(m.value()).isEqualTo("cherry");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE);
        Aggregator original = def.create();
        Aggregator empty = def.create();
        empty.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(empty.value()).isNull();
        original.add(1.5);
        original.add(-4.0);
        original.add(8.0);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(original.value());
        for (Aggregator a : List.of(original, restored)) {
            a.add(0.5);
            a.add(9.0);
        }
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(9.0);
        restored.add(-1e300);
        restored.add(1e300);
        assertThat(original.value()).as("the instances share nothing").isEqualTo(9.0);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
