package io.eventflux.aggregator.stddev.internal;

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
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StdDevAggregatorTest {
    private final StdDevAggregatorFactory factory = new StdDevAggregatorFactory();

    private AggregatorDefinition define(AttributeType type, boolean distinct) {
        return factory.define(new AggregatorSpec("stdDev", List.of(Argument.attribute("x", 0, type)), distinct));
    }

    /** Two-pass population standard deviation, the reference. */
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
        return Math.sqrt(squares / n);
    }

    @Test
    void validatesArgumentsAndAlwaysReturnsDouble() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("stdDev", List.of(), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'stdDev' takes 1 argument: stdDev(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.STRING, false))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'stdDev' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), "
                        + "was attribute x (STRING)");
        assertThatThrownBy(() -> define(AttributeType.OBJECT, false)).isInstanceOf(ExtensionException.class);
        for (AttributeType t : List.of(AttributeType.INT, AttributeType.LONG, AttributeType.FLOAT, AttributeType.DOUBLE)) {
            assertThat(define(t, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        }
        assertThat(StdDevAggregatorFactory.class.getAnnotation(Extension.class).name()).isEqualTo("stdDev");
    }

    @Test
    void populationStandardDeviationWithRemovalSkippingNulls() {
        Aggregator s = define(AttributeType.INT, false).create();
        assertThat(s.value()).as("empty").isNull();
        s.add(2);
        assertThat(s.value()).as("one value").isEqualTo(0.0);
        for (int x : new int[] {4, 4, 4, 5, 5, 7, 9}) {
            s.add(x);
        }
        s.add(null);
        assertThat((Double) s.value()).as("the textbook example").isCloseTo(2.0, within(1e-12));
        s.remove(9);
        s.remove(2);
        s.remove(null);
        assertThat((Double) s.value()).isCloseTo(reference(List.of(4.0, 4.0, 4.0, 5.0, 5.0, 7.0)), within(1e-12));
        for (int x : new int[] {4, 4, 4, 5, 5}) {
            s.remove(x);
        }
        assertThat(s.value()).as("exactly 0 for the one value left").isEqualTo(0.0);
        s.remove(7);
        assertThat(s.value()).isNull();
        s.add(1);
        s.add(3);
        assertThat(s.value()).as("no residue after all were removed").isEqualTo(1.0);
        s.reset();
        assertThat(s.value()).isNull();
    }

    /** Exact population standard deviation of integers: sqrt(n * sum(x^2) - sum(x)^2) / n. */
    private static double exact(Iterable<Long> values) {
        BigInteger n = BigInteger.ZERO;
        BigInteger sum = BigInteger.ZERO;
        BigInteger squares = BigInteger.ZERO;
        for (long v : values) {
            BigInteger x = BigInteger.valueOf(v);
            n = n.add(BigInteger.ONE);
            sum = sum.add(x);
            squares = squares.add(x.multiply(x));
        }
        BigDecimal scaled = new BigDecimal(n.multiply(squares).subtract(sum.multiply(sum)));
        return scaled.sqrt(MathContext.DECIMAL64).doubleValue() / n.doubleValue();
    }

    @Test
    void staysAccurateOnEpochTimesInASlidingWindow() {
        Aggregator s = define(AttributeType.LONG, false).create();
        ArrayDeque<Long> window = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(7);
        long epoch = 1_767_225_600_000L;
        for (int i = 0; i < 20_000; i++) {
            long x = epoch + i * 10L + random.nextInt(1000);
            s.add(x);
            window.addLast(x);
            if (window.size() > 250) {
                s.remove(window.removeFirst());
            }
        }
        double exact = exact(window);
        assertThat((Double) s.value()).isCloseTo(exact, within(exact * 1e-12));
    }

    @Test
    void distinctStandardDeviationUsesEachValueOnce() {
        Aggregator s = define(AttributeType.DOUBLE, true).create();
        s.add(1.0);
        s.add(1.0);
        s.add(3.0);
        assertThat(s.value()).isEqualTo(1.0);
        s.remove(1.0);
        assertThat(s.value()).isEqualTo(1.0);
        s.remove(1.0);
        assertThat(s.value()).isEqualTo(0.0);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE, false);
        Aggregator original = def.create();
        for (double x : new double[] {10.5, 12.25, 19.0, 7.0}) {
            original.add(x);
        }
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(original.value());
        for (Aggregator a : List.of(original, restored)) {
            a.remove(10.5);
            a.add(0.125);
        }
        assertThat(restored.value()).as("bit for bit the same").isEqualTo(original.value());
        restored.add(100.0);
        assertThat(original.value()).as("the instances share nothing").isNotEqualTo(restored.value());
        assertThatThrownBy(() -> define(AttributeType.DOUBLE, true).create().restore(original.snapshot()))
                .as("a plain snapshot does not fit a DISTINCT stdDev").isInstanceOf(IllegalArgumentException.class);
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
