package io.eventflux.aggregator.max.internal;

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

class MaxAggregatorTest {
    private final MaxAggregatorFactory factory = new MaxAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("max", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndKeepsTheInputType() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("max", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'max' takes 1 argument: max(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.OBJECT))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'max' parameter 'value' must be comparable (STRING, INT, LONG, FLOAT, DOUBLE or BOOL), "
                        + "was attribute x (OBJECT)");
        for (AttributeType t : List.of(AttributeType.STRING, AttributeType.INT, AttributeType.LONG, AttributeType.FLOAT,
                AttributeType.DOUBLE, AttributeType.BOOL)) {
            assertThat(define(t).returnType()).isEqualTo(t);
        }
        assertThat(MaxAggregatorFactory.class.getAnnotation(Extension.class).name()).isEqualTo("max");
    }

    @Test
    void tracksTheExtremeThroughRemovalsAndSkipsNulls() {
        Aggregator m = define(AttributeType.INT).create();
        assertThat(m.value()).isNull();
        m.add(3);
        m.add(null);
        m.add(9);
        m.add(9);
        assertThat(m.value()).isEqualTo(9);
        m.remove(9);
        assertThat(m.value()).as("one copy is still there").isEqualTo(9);
        m.remove(9);
        m.remove(null);
        assertThat(m.value()).isEqualTo(3);
        m.remove(3);
        assertThat(m.value()).isNull();
        m.add(1);
        m.reset();
        assertThat(m.value()).isNull();
    }

    @Test
    void worksOnStrings() {
        Aggregator m = define(AttributeType.STRING).create();
        m.add("banana");
        m.add("apple");
        m.add("cherry");
        assertThat(m.value()).isEqualTo("cherry");
        m.remove("cherry");
        assertThat(m.value()).isEqualTo("banana");
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE);
        Aggregator original = def.create();
        original.add(1.5);
        original.add(1.5);
        original.add(8.0);
        original.add(-4.0);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(original.value());
        for (Aggregator a : List.of(original, restored)) {
            a.remove(8.0);
            a.remove(-4.0);
            a.remove(1.5);
        }
        assertThat(restored.value()).as("multiplicities survived the snapshot").isEqualTo(original.value()).isEqualTo(1.5);
        restored.add(2.0);
        assertThat(original.value()).as("the instances share nothing").isEqualTo(1.5);
    }
}
