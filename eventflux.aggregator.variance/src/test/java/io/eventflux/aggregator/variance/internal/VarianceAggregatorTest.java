package io.eventflux.aggregator.variance.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.extension.testing.Snapshots;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VarianceAggregatorTest {
    private final VarianceAggregatorFactory factory = new VarianceAggregatorFactory();

    private AggregatorDefinition define(AttributeType type, boolean distinct) {
        return factory.define(new AggregatorSpec("variance", List.of(Argument.attribute("x", 0, type)), distinct));
    }

    /** Two-pass population variance, the reference. */
    private static double reference(Iterable<Double> values) {
        double sum = 0;
        int n = 0;
        for (double v : values) {
            sum += v;
            n++;
        }
        double mean = sum / n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return squares / n;
    }

    @Test
    void validatesArgumentsAndAlwaysReturnsDouble() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("variance", List.of(), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'variance' takes 1 argument: variance(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.STRING, false))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'variance' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), "
                        + "was attribute x (STRING)");
        assertThatThrownBy(() -> define(AttributeType.BOOL, false)).isInstanceOf(ExtensionException.class);
        for (AttributeType t : List.of(AttributeType.INT, AttributeType.LONG, AttributeType.FLOAT, AttributeType.DOUBLE)) {
            assertThat(define(t, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        }
        assertThat(VarianceAggregatorFactory.class.getAnnotation(Extension.class).name()).isEqualTo("variance");
    }

    @Test
    void populationVarianceWithRemovalSkippingNulls() {
        Aggregator v = define(AttributeType.INT, false).create();
        assertThat(v.value()).as("empty").isNull();
        v.add(4);
        assertThat(v.value()).as("one value").isEqualTo(0.0);
        v.add(null);
        v.add(8);
        v.add(6);
        assertThat((Double) v.value()).isCloseTo(8.0 / 3, within(1e-12));
        v.remove(4);
        v.remove(null);
        assertThat((Double) v.value()).isCloseTo(1.0, within(1e-12));
        v.remove(8);
        assertThat(v.value()).as("exactly 0 for the one value left").isEqualTo(0.0);
        v.remove(6);
        assertThat(v.value()).isNull();
        v.add(5);
        assertThat(v.value()).as("no residue after all were removed").isEqualTo(0.0);
        v.add(7);
        v.reset();
        assertThat(v.value()).isNull();
    }

    @Test
    void staysAccurateOnALargeOffsetInASlidingWindow() {
        Aggregator v = define(AttributeType.DOUBLE, false).create();
        ArrayDeque<Double> window = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            double x = 1e9 + random.nextDouble() * 10;
            v.add(x);
            window.addLast(x);
            if (window.size() > 100) {
                v.remove(window.removeFirst());
            }
        }
        assertThat((Double) v.value()).isCloseTo(reference(window), within(1e-9));
        while (!window.isEmpty()) {
            v.remove(window.removeFirst());
        }
        assertThat(v.value()).isNull();
        v.add(3.0);
        v.add(5.0);
        assertThat(v.value()).isEqualTo(1.0);
    }

    @Test
    void nonFiniteValuesGiveNaNOnlyWhilePresent() {
        Aggregator v = define(AttributeType.FLOAT, false).create();
        v.add(1.0f);
        v.add(Float.NaN);
        v.add(3.0f);
        assertThat((Double) v.value()).isNaN();
        v.remove(Float.NaN);
        assertThat(v.value()).isEqualTo(1.0);
        v.add(Float.POSITIVE_INFINITY);
        assertThat((Double) v.value()).isNaN();
        v.remove(Float.POSITIVE_INFINITY);
        assertThat(v.value()).isEqualTo(1.0);
    }

    @Test
    void distinctVarianceUsesEachValueOnce() {
        Aggregator v = define(AttributeType.LONG, true).create();
        v.add(2L);
        v.add(2L);
        v.add(4L);
        assertThat(v.value()).isEqualTo(1.0);
        v.remove(2L);
        assertThat(v.value()).as("one copy of 2 is still there").isEqualTo(1.0);
        v.remove(2L);
        assertThat(v.value()).isEqualTo(0.0);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE, false);
        Aggregator original = def.create();
        for (double x : new double[] {1.5, 2.25, 9.0, -3.0, Double.NaN}) {
            original.add(x);
        }
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat((Double) restored.value()).isNaN();
        for (Aggregator a : List.of(original, restored)) {
            a.remove(Double.NaN);
            a.remove(1.5);
            a.add(0.125);
        }
        assertThat(restored.value()).as("bit for bit the same").isEqualTo(original.value());
        restored.reset();
        assertThat(original.value()).as("the instances share nothing").isNotNull();

        AggregatorDefinition distinct = define(AttributeType.DOUBLE, true);
        Aggregator d = distinct.create();
        d.add(1.0);
        d.add(1.0);
        d.add(3.0);
        Aggregator dr = distinct.create();
        dr.restore(Snapshots.roundTrip(d.snapshot()));
        dr.remove(1.0);
        assertThat(dr.value()).as("multiplicities survived the snapshot").isEqualTo(1.0);
        assertThatThrownBy(() -> def.create().restore(d.snapshot()))
                .as("a DISTINCT snapshot does not fit a plain variance").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> def.create().restore("x")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A window of equal values that an event left has no spread: 0.0, not the residue of the removal. */
    @Test
    void equalValuesLeftByAnExpiryGiveExactlyZero() {
        Aggregator a = define(AttributeType.INT, false).create();
        a.add(2);
        a.add(4);
        a.add(4);
        a.remove(2);
        assertThat(a.value()).isEqualTo(0.0);
        Aggregator d = define(AttributeType.DOUBLE, false).create();
        for (double x : new double[] {1.0, 3.0, 3.0}) {
            d.add(x);
        }
        d.remove(1.0);
        assertThat(d.value()).isEqualTo(0.0);
    }
}
