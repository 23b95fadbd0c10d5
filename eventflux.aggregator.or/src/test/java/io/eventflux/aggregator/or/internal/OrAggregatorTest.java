package io.eventflux.aggregator.or.internal;

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

class OrAggregatorTest {
    private final OrAggregatorFactory factory = new OrAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("or", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndReturnsBool() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("or", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'or' takes 1 argument: or(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.INT))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'or' parameter 'value' must be BOOL, was attribute x (INT)");
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("or",
                List.of(Argument.constant(AttributeType.STRING, "true", false)), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'or' parameter 'value' must be BOOL, was 'true' (STRING)");
        assertThat(define(AttributeType.BOOL).returnType()).isEqualTo(AttributeType.BOOL);
        assertThat(factory.define(new AggregatorSpec("or", List.of(Argument.expression(AttributeType.BOOL)), false))
                .returnType()).as("a condition expression").isEqualTo(AttributeType.BOOL);
        Extension ext = OrAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("or");
    }

    @Test
    void trueWhileATrueValueIsPresentSkippingNulls() {
        Aggregator o = define(AttributeType.BOOL).create();
        assertThat(o.value()).as("empty is FALSE").isEqualTo(false);
        o.add(false);
        o.add(null);
        assertThat(o.value()).isEqualTo(false);
        o.add(true);
        o.add(true);
        assertThat(o.value()).isEqualTo(true);
        o.remove(true);
        o.remove(null);
        assertThat(o.value()).as("one TRUE is still there").isEqualTo(true);
        o.remove(true);
        assertThat(o.value()).isEqualTo(false);
        o.remove(true); // never below zero
        o.remove(false);
        o.add(true);
        assertThat(o.value()).isEqualTo(true);
        o.reset();
        assertThat(o.value()).isEqualTo(false);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.BOOL);
        Aggregator original = def.create();
        original.add(true);
        original.add(true);
        original.add(false);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(true);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(true);
            a.add(false);
        }
        assertThat(restored.value()).as("one TRUE is still there").isEqualTo(original.value()).isEqualTo(true);
        restored.remove(true);
        assertThat(restored.value()).isEqualTo(false);
        assertThat(original.value()).as("the instances share nothing").isEqualTo(true);
        assertThatThrownBy(() -> restored.restore(new long[] {-1, 0})).isInstanceOf(IllegalArgumentException.class);
    }
}
