package io.eventflux.aggregator.sum.internal;

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

class SumAggregatorTest {
    private final SumAggregatorFactory factory = new SumAggregatorFactory();

    private AggregatorDefinition define(AttributeType type, boolean distinct) {
        return factory.define(new AggregatorSpec("sum", List.of(Argument.attribute("x", 0, type)), distinct));
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("sum", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'sum' takes 1 argument: sum(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.STRING, false))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'sum' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), "
                        + "was attribute x (STRING)");
        assertThatThrownBy(() -> define(AttributeType.BOOL, false)).isInstanceOf(ExtensionException.class);
    }

    @Test
    void returnTypeFollowsTheInput() {
        assertThat(define(AttributeType.INT, false).returnType()).isEqualTo(AttributeType.LONG);
        assertThat(define(AttributeType.LONG, true).returnType()).isEqualTo(AttributeType.LONG);
        assertThat(define(AttributeType.FLOAT, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        assertThat(define(AttributeType.DOUBLE, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        assertThat(SumAggregatorFactory.class.getAnnotation(Extension.class).name()).isEqualTo("sum");
    }

    @Test
    void sumsIntegersAsLongSkippingNulls() {
        Aggregator s = define(AttributeType.INT, false).create();
        assertThat(s.value()).as("empty").isNull();
        s.add(3);
        s.add(null);
        s.add(Integer.MAX_VALUE);
        assertThat(s.value()).isEqualTo(3L + Integer.MAX_VALUE);
        s.remove(Integer.MAX_VALUE);
        s.remove(null);
        assertThat(s.value()).isEqualTo(3L);
        s.remove(3);
        assertThat(s.value()).as("empty again").isNull();
        s.add(0);
        assertThat(s.value()).as("a sum of zero is not empty").isEqualTo(0L);
        s.reset();
        assertThat(s.value()).isNull();
    }

    @Test
    void sumsFloatingPointAsDoubleAndForgetsResidueWhenEmpty() {
        Aggregator s = define(AttributeType.DOUBLE, false).create();
        s.add(0.1);
        s.add(0.2);
        assertThat((Double) s.value()).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-12));
        s.remove(0.1);
        s.remove(0.2);
        s.add(5.0);
        assertThat(s.value()).isEqualTo(5.0);
        Aggregator f = define(AttributeType.FLOAT, false).create();
        f.add(1.5f);
        f.add(2.25f);
        assertThat(f.value()).isEqualTo(3.75);
    }

    @Test
    void distinctSumCountsEachValueOnceAndSupportsRemoval() {
        Aggregator s = define(AttributeType.LONG, true).create();
        s.add(5L);
        s.add(5L);
        s.add(7L);
        s.add(null);
        assertThat(s.value()).isEqualTo(12L);
        s.remove(5L);
        assertThat(s.value()).as("one copy of 5 is still there").isEqualTo(12L);
        s.remove(5L);
        assertThat(s.value()).isEqualTo(7L);
        s.remove(7L);
        assertThat(s.value()).isNull();
        s.add(7L);
        s.reset();
        s.add(7L);
        assertThat(s.value()).as("reset forgets multiplicities").isEqualTo(7L);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.LONG, true);
        Aggregator original = def.create();
        original.add(5L);
        original.add(5L);
        original.add(9L);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(14L);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(5L);
            a.add(1L);
        }
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(15L);
        restored.remove(5L);
        assertThat(restored.value()).as("multiplicities survived the snapshot").isEqualTo(10L);

        Aggregator plain = define(AttributeType.DOUBLE, false).create();
        assertThatThrownBy(() -> plain.restore(original.snapshot()))
                .as("a DISTINCT snapshot does not fit a plain sum").isInstanceOf(IllegalArgumentException.class);
    }
}
