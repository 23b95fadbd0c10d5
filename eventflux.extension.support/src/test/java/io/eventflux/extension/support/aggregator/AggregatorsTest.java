package io.eventflux.extension.support.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.extension.testing.Snapshots;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ready-made aggregators: each direction, removal, reset, snapshot round trip, bad snapshots. */
class AggregatorsTest {

    private static List<Object> trace(Aggregator a, Object... adds) {
        List<Object> values = new ArrayList<>();
        for (Object x : adds) {
            a.add(x);
            values.add(a.value());
        }
        return values;
    }

    private static Aggregator restoredCopy(Aggregator original, Aggregator fresh) {
        fresh.restore(Snapshots.roundTrip(original.snapshot()));
        return fresh;
    }

    @Test
    void sumAndMeanWithRemovalAndDistinct() {
        Aggregator sum = SumAggregator.sum("a sum", true, false);
        Aggregator mean = SumAggregator.mean("an avg", false, true);
        assertThat(sum.value()).isNull();
        assertThat(trace(sum, 1, 2L, null, 2)).containsExactly(1L, 3L, 3L, 5L);
        assertThat(trace(mean, 1.0, 2.0, 2.0)).containsExactly(1.0, 1.5, 1.5);
        sum.remove(1);
        mean.remove(2.0);
        assertThat(sum.value()).isEqualTo(4L);
        assertThat(mean.value()).as("one copy of 2.0 is still present").isEqualTo(1.5);
        Aggregator copy = restoredCopy(mean, SumAggregator.mean("an avg", false, true));
        copy.remove(2.0);
        assertThat(copy.value()).isEqualTo(1.0);
        sum.remove(2);
        sum.remove(2L);
        assertThat(sum.value()).isNull();
        assertThatThrownBy(() -> mean.restore(sum.snapshot()))
                .hasMessageStartingWith("not an avg snapshot of this definition");
    }

    @Test
    void extremesWithRemoval() {
        Aggregator min = ExtremeAggregator.smallest("min");
        Aggregator max = ExtremeAggregator.largest("max");
        assertThat(min.value()).isNull();
        assertThat(trace(min, 5, null, 3, 3, 9)).containsExactly(5, 5, 3, 3, 3);
        assertThat(trace(max, 5, null, 3, 9, 9)).containsExactly(5, 5, 5, 9, 9);
        min.remove(3);
        max.remove(9);
        assertThat(min.value()).isEqualTo(3);
        assertThat(max.value()).isEqualTo(9);
        Aggregator minCopy = restoredCopy(min, ExtremeAggregator.smallest("min"));
        min.remove(3);
        minCopy.remove(3);
        assertThat(min.value()).isEqualTo(5);
        assertThat(minCopy.value()).isEqualTo(5);
        max.reset();
        assertThat(max.value()).isNull();
        assertThatThrownBy(() -> max.restore("x")).hasMessageStartingWith("not a max snapshot");
    }

    @Test
    void foreverExtremesIgnoreRemovalAndReset() {
        Aggregator min = ForeverExtremeAggregator.smallest("minForever");
        Aggregator max = ForeverExtremeAggregator.largest("maxForever");
        assertThat(trace(min, "b", "c", null, "a")).containsExactly("b", "b", "b", "a");
        assertThat(trace(max, "b", "c", null, "a")).containsExactly("b", "c", "c", "c");
        max.remove("c");
        max.reset();
        assertThat(max.value()).isEqualTo("c");
        assertThat(restoredCopy(min, ForeverExtremeAggregator.smallest("minForever")).value()).isEqualTo("a");
        assertThatThrownBy(() -> min.restore(new Object[] {new Object()}))
                .hasMessageStartingWith("not a minForever snapshot");
    }

    @Test
    void arrivalOrder() {
        Aggregator first = ArrivalOrderAggregator.oldest("first");
        Aggregator last = ArrivalOrderAggregator.newest("last");
        assertThat(trace(first, "x", null, "y", "x")).containsExactly("x", "x", "x", "x");
        assertThat(trace(last, "x", null, "y", "x")).containsExactly("x", "x", "y", "x");
        first.remove("x");
        last.remove("x");
        // the oldest "x" left: y, x remain
        assertThat(first.value()).isEqualTo("y");
        assertThat(last.value()).isEqualTo("x");
        assertThat(restoredCopy(first, ArrivalOrderAggregator.oldest("first")).value()).isEqualTo("y");
        assertThatThrownBy(() -> last.restore(new ArrayList<>(java.util.Arrays.asList("a", null))))
                .hasMessageStartingWith("not a last snapshot");
    }

    @Test
    void logicalAndOr() {
        Aggregator and = LogicalAggregator.and("and");
        Aggregator or = LogicalAggregator.or("or");
        assertThat(and.value()).isEqualTo(false);
        assertThat(or.value()).isEqualTo(false);
        assertThat(trace(and, true, null, false)).containsExactly(true, true, false);
        assertThat(trace(or, false, true, false)).containsExactly(false, true, true);
        and.remove(false);
        or.remove(true);
        assertThat(and.value()).isEqualTo(true);
        assertThat(or.value()).isEqualTo(false);
        and.remove(false); // never added: no negative count
        assertThat(restoredCopy(and, LogicalAggregator.and("and")).value()).isEqualTo(true);
        assertThatThrownBy(() -> or.restore(new long[] {-1, 0})).hasMessageStartingWith("not a or snapshot");
    }

    @Test
    void momentsVarianceAndStandardDeviation() {
        Aggregator variance = MomentsAggregator.variance("variance", false);
        Aggregator stdDev = MomentsAggregator.standardDeviation("stdDev", true);
        assertThat(variance.value()).isNull();
        trace(variance, 1, 3, 3, null);
        trace(stdDev, 1, 3, 3, null);
        // 1, 3, 3: mean 7/3, variance 8/9; distinct 1, 3: variance 1
        assertThat((Double) variance.value()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat((Double) stdDev.value()).isCloseTo(1.0, within(1e-12));
        stdDev.remove(3);
        assertThat((Double) stdDev.value()).as("one copy of 3 is still present").isCloseTo(1.0, within(1e-12));
        Aggregator copy = restoredCopy(stdDev, MomentsAggregator.standardDeviation("stdDev", true));
        copy.remove(3);
        assertThat(copy.value()).isEqualTo(0.0);
        assertThatThrownBy(() -> variance.restore(stdDev.snapshot()))
                .hasMessageStartingWith("not a variance snapshot of this definition");
    }

    @Test
    void argumentChecksNameTheAggregatorAndTheArgument() {
        Argument text = Argument.attribute("s", 0, AttributeType.STRING);
        Argument object = Argument.attribute("o", 0, AttributeType.OBJECT);
        Argument flag = Argument.attribute("b", 0, AttributeType.BOOL);
        assertThat(AggregatorArguments.single(spec("first", text))).isSameAs(text);
        assertThatThrownBy(() -> AggregatorArguments.single(spec("first", text, text)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'first' takes 1 argument: first(value); got 2");
        assertThatThrownBy(() -> AggregatorArguments.numeric(spec("avg", text)))
                .hasMessageStartingWith("aggregator 'avg' parameter 'value' must be numeric");
        assertThat(AggregatorArguments.comparable(spec("min", text))).isSameAs(text);
        assertThatThrownBy(() -> AggregatorArguments.comparable(spec("min", object)))
                .hasMessageStartingWith("aggregator 'min' parameter 'value' must be comparable");
        assertThat(AggregatorArguments.bool(spec("and", flag))).isSameAs(flag);
        assertThatThrownBy(() -> AggregatorArguments.bool(spec("and", text)))
                .hasMessageStartingWith("aggregator 'and' parameter 'value' must be BOOL, was");
    }

    private static AggregatorSpec spec(String name, Argument... args) {
        return new AggregatorSpec(name, List.of(args), false);
    }
}
