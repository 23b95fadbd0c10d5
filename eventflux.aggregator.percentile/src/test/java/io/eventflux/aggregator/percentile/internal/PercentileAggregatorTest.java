package io.eventflux.aggregator.percentile.internal;

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
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PercentileAggregatorTest {
    private static final Argument X = Argument.attribute("x", 0, AttributeType.DOUBLE);
    private final PercentileAggregatorFactory factory = new PercentileAggregatorFactory();

    private AggregatorDefinition define(AttributeType type, Object p, boolean distinct) {
        AttributeType pType = p instanceof Integer ? AttributeType.INT : AttributeType.DOUBLE;
        return factory.define(new AggregatorSpec("percentile",
                List.of(Argument.attribute("x", 0, type), Argument.constant(pType, p, false)), distinct));
    }

    private void rejects(List<Argument> arguments, String message) {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("percentile", arguments, false)))
                .isInstanceOf(ExtensionException.class).hasMessage(message);
    }

    @Test
    void validatesArgumentsAndTheConstantPercentile() {
        rejects(List.of(X), "aggregator 'percentile' takes 2 arguments: percentile(value, p); got 1");
        rejects(List.of(X, X, X), "aggregator 'percentile' takes 2 arguments: percentile(value, p); got 3");
        rejects(List.of(Argument.attribute("s", 1, AttributeType.STRING), Argument.constant(AttributeType.INT, 95, false)),
                "aggregator 'percentile' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), "
                        + "was attribute s (STRING)");
        rejects(List.of(X, Argument.attribute("y", 1, AttributeType.DOUBLE)),
                "aggregator 'percentile' parameter 'p' must be a numeric constant, was attribute y (DOUBLE)");
        rejects(List.of(X, Argument.expression(AttributeType.INT)),
                "aggregator 'percentile' parameter 'p' must be a numeric constant, was an expression of type INT");
        rejects(List.of(X, Argument.constant(AttributeType.STRING, "95", false)),
                "aggregator 'percentile' parameter 'p' must be a numeric constant, was '95' (STRING)");
        rejects(List.of(X, Argument.constant(AttributeType.INT, null, false)),
                "aggregator 'percentile' parameter 'p' must be a numeric constant, was null (INT)");
        rejects(List.of(X, Argument.constant(AttributeType.LONG, 5000L, true)),
                "aggregator 'percentile' parameter 'p' must be a numeric constant, was 5000 ms (LONG)");
        rejects(List.of(X, Argument.constant(AttributeType.INT, 0, false)),
                "aggregator 'percentile' parameter 'p' must be in (0, 100], was 0 (INT)");
        rejects(List.of(X, Argument.constant(AttributeType.DOUBLE, 100.5, false)),
                "aggregator 'percentile' parameter 'p' must be in (0, 100], was 100.5 (DOUBLE)");
        rejects(List.of(X, Argument.constant(AttributeType.INT, -5, false)),
                "aggregator 'percentile' parameter 'p' must be in (0, 100], was -5 (INT)");
        rejects(List.of(X, Argument.constant(AttributeType.DOUBLE, Double.NaN, false)),
                "aggregator 'percentile' parameter 'p' must be in (0, 100], was NaN (DOUBLE)");
        for (AttributeType t : List.of(AttributeType.INT, AttributeType.LONG, AttributeType.FLOAT, AttributeType.DOUBLE)) {
            assertThat(define(t, 95, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        }
        assertThat(define(AttributeType.INT, 100, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        assertThat(define(AttributeType.INT, 0.1, false).returnType()).isEqualTo(AttributeType.DOUBLE);
        Extension ext = PercentileAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("percentile");
        assertThat(ext.parameters()).hasSize(2);
    }

    @Test
    void nearestRankOverTheValuesPresentSkippingNulls() {
        Aggregator median = define(AttributeType.INT, 50, false).create();
        assertThat(median.value()).as("empty").isNull();
        median.add(7);
        assertThat(median.value()).isEqualTo(7.0);
        median.add(3);
        median.add(null);
        median.add(1);
        median.add(4);
        assertThat(median.value()).as("rank ceil(0.5 * 4) = 2 of 1, 3, 4, 7").isEqualTo(3.0);
        median.add(3);
        assertThat(median.value()).as("rank 3 of 1, 3, 3, 4, 7").isEqualTo(3.0);
        median.remove(3);
        median.remove(1);
        median.remove(null);
        median.remove(42);
        assertThat(median.value()).as("rank 2 of 3, 4, 7").isEqualTo(4.0);
        median.reset();
        assertThat(median.value()).isNull();
        median.add(10);
        assertThat(median.value()).isEqualTo(10.0);

        Aggregator p20 = define(AttributeType.LONG, 20, false).create();
        Aggregator p100 = define(AttributeType.LONG, 100, false).create();
        Aggregator p95 = define(AttributeType.LONG, 95.0, false).create();
        for (long v = 10; v >= 1; v--) {
            for (Aggregator a : List.of(p20, p100, p95)) {
                a.add(v);
            }
        }
        assertThat(p20.value()).as("rank exactly 2, no rounding up to 3").isEqualTo(2.0);
        assertThat(p100.value()).as("the maximum").isEqualTo(10.0);
        assertThat(p95.value()).as("rank ceil(9.5) = 10").isEqualTo(10.0);
    }

    @Test
    void isExactInASlidingWindow() {
        Aggregator p90 = define(AttributeType.DOUBLE, 90, false).create();
        ArrayDeque<Double> window = new ArrayDeque<>();
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 5_000; i++) {
            double x = Math.floor(random.nextDouble() * 100) / 4; // many duplicates
            p90.add(x);
            window.addLast(x);
            if (window.size() > 137) {
                p90.remove(window.removeFirst());
            }
            if (i % 97 == 0) {
                double[] sorted = window.stream().mapToDouble(Double::doubleValue).sorted().toArray();
                int rank = (int) Math.ceil(90.0 * sorted.length / 100);
                assertThat(p90.value()).isEqualTo(sorted[rank - 1]);
            }
        }
    }

    @Test
    void distinctRanksEachValueOnce() {
        Aggregator median = define(AttributeType.FLOAT, 50, true).create();
        median.add(1.0f);
        median.add(1.0f);
        median.add(1.0f);
        median.add(2.0f);
        median.add(3.0f);
        assertThat(median.value()).as("median of 1, 2, 3").isEqualTo(2.0);
        median.remove(1.0f);
        median.remove(1.0f);
        assertThat(median.value()).as("one 1.0 is still there").isEqualTo(2.0);
        median.remove(1.0f);
        assertThat(median.value()).as("median of 2, 3").isEqualTo(2.0);
        median.remove(2.0f);
        assertThat(median.value()).isEqualTo(3.0);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.DOUBLE, 75, false);
        Aggregator original = def.create();
        double[] values = {5.5, -1.0, 3.25, 3.25, 100.0, 0.0, -0.0, Double.NaN};
        for (double v : values) {
            original.add(v);
        }
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(5.5);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(Double.NaN);
            a.remove(100.0);
            a.add(7.0);
            a.add(8.0);
            a.add(9.0);
        }
        assertThat(restored.value()).as("rank 7 of 9, the zeros and NaN kept their order")
                .isEqualTo(original.value()).isEqualTo(7.0);
        restored.reset();
        assertThat(original.value()).as("the instances share nothing").isEqualTo(7.0);

        AggregatorDefinition distinct = define(AttributeType.DOUBLE, 75, true);
        Aggregator d = distinct.create();
        d.add(1.0);
        d.add(1.0);
        Aggregator dr = distinct.create();
        dr.restore(Snapshots.roundTrip(d.snapshot()));
        dr.remove(1.0);
        assertThat(dr.value()).as("multiplicities survived the snapshot").isEqualTo(1.0);
        assertThatThrownBy(() -> def.create().restore(d.snapshot()))
                .as("a DISTINCT snapshot does not fit a plain percentile").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> def.create().restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
