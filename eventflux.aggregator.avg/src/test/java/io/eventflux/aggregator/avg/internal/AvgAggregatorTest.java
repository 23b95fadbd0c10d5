package io.eventflux.aggregator.avg.internal;

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

class AvgAggregatorTest {
    private final AvgAggregatorFactory factory = new AvgAggregatorFactory();

    private AggregatorDefinition define(AttributeType type, boolean distinct) {
        return factory.define(new AggregatorSpec("avg", List.of(Argument.attribute("x", 0, type)), distinct));
    }

    @Test
    void validatesArgumentsAndAlwaysReturnsDouble() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("avg", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'avg' takes 1 argument: avg(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.STRING, false))
                .isInstanceOf(ExtensionException.class)
                .hasMessageContaining("aggregator 'avg' parameter 'value' must be numeric").hasMessageContaining("STRING");
        assertThat(define(AttributeType.INT, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        assertThat(define(AttributeType.FLOAT, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        assertThat(AvgAggregatorFactory.class.getAnnotation(Extension.class).name()).isEqualTo("avg");
    }

    @Test
    void averagesNonNullValuesWithRemoval() {
        Aggregator a = define(AttributeType.INT, false).create();
        assertThat(a.value()).isNull();
        a.add(1);
        a.add(2);
        a.add(null);
        assertThat(a.value()).as("integer input still averages as DOUBLE").isEqualTo(1.5);
        a.add(6);
        assertThat(a.value()).isEqualTo(3.0);
        a.remove(1);
        a.remove(null);
        assertThat(a.value()).isEqualTo(4.0);
        a.reset();
        assertThat(a.value()).isNull();

        Aggregator d = define(AttributeType.DOUBLE, false).create();
        d.add(1.0);
        d.add(2.5);
        assertThat(d.value()).isEqualTo(1.75);
        d.remove(1.0);
        d.remove(2.5);
        assertThat(d.value()).isNull();
    }

    @Test
    void distinctAverageUsesEachValueOnce() {
        Aggregator a = define(AttributeType.LONG, true).create();
        a.add(2L);
        a.add(2L);
        a.add(4L);
        assertThat(a.value()).isEqualTo(3.0);
        a.remove(2L);
        assertThat(a.value()).isEqualTo(3.0);
        a.remove(2L);
        assertThat(a.value()).isEqualTo(4.0);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE, false);
        Aggregator original = def.create();
        original.add(1.0);
        original.add(3.0);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(2.0);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(1.0);
            a.add(7.0);
        }
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(5.0);
    }
}
