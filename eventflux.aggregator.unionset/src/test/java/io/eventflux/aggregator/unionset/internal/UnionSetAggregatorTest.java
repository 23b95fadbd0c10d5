package io.eventflux.aggregator.unionset.internal;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnionSetAggregatorTest {
    private final UnionSetAggregatorFactory factory = new UnionSetAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("unionSet", List.of(Argument.attribute("x", 0, type)), false));
    }

    @SuppressWarnings("unchecked")
    private static Set<Object> set(Aggregator a) {
        return (Set<Object>) a.value();
    }

    @Test
    void validatesArgumentsAndReturnsObject() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("unionSet", List.of(), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'unionSet' takes 1 argument: unionSet(value); got 0");
        Argument x = Argument.attribute("x", 0, AttributeType.INT);
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("unionSet", List.of(x, x), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'unionSet' takes 1 argument: unionSet(value); got 2");
        for (AttributeType t : AttributeType.values()) {
            assertThat(define(t).returnType()).isEqualTo(AttributeType.OBJECT);
        }
        Extension ext = UnionSetAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("unionSet");
    }

    @Test
    void distinctValuesPresentInOrderOfArrivalSkippingNulls() {
        Aggregator u = define(AttributeType.STRING).create();
        assertThat(set(u)).isEmpty();
        u.add("b");
        u.add("a");
        u.add(null);
        u.add("b");
        Set<Object> first = set(u);
        assertThat(first).containsExactly("b", "a");
        u.remove("b");
        assertThat(set(u)).as("one 'b' is still there").containsExactly("b", "a");
        u.remove("b");
        u.remove(null);
        u.remove("never-added");
        assertThat(set(u)).containsExactly("a");
        assertThat(first).as("a value handed out never changes").containsExactly("b", "a");
        assertThatThrownBy(() -> set(u).add("z")).isInstanceOf(UnsupportedOperationException.class);
        u.reset();
        assertThat(set(u)).isEmpty();
        u.add("c");
        assertThat(set(u)).containsExactly("c");
    }

    @Test
    void collectionValuesOfAnObjectArgumentAddTheirElements() {
        Aggregator u = define(AttributeType.OBJECT).create();
        u.add(Set.of("IBM"));
        u.add(List.of("WSO2", "IBM"));
        u.add(7);
        assertThat(set(u)).containsExactlyInAnyOrder("IBM", "WSO2", 7);
        u.remove(Set.of("IBM"));
        assertThat(set(u)).as("one 'IBM' is still there").containsExactlyInAnyOrder("IBM", "WSO2", 7);
        u.remove(List.of("WSO2", "IBM"));
        assertThat(set(u)).containsExactly(7);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.LONG);
        Aggregator original = def.create();
        original.add(1L);
        original.add(2L);
        original.add(1L);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(set(restored)).containsExactly(1L, 2L);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(1L);
            a.remove(2L);
            a.add(3L);
        }
        assertThat(set(restored)).as("multiplicities survived the snapshot").isEqualTo(set(original))
                .isEqualTo(new HashSet<>(List.of(1L, 3L)));
        restored.remove(1L);
        assertThat(set(original)).as("the instances share nothing").containsExactly(1L, 3L);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
