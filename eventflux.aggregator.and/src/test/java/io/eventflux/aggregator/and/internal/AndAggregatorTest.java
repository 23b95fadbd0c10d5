package io.eventflux.aggregator.and.internal;

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

class AndAggregatorTest {
    private final AndAggregatorFactory factory = new AndAggregatorFactory();

    private AggregatorDefinition define(AttributeType type) {
        return factory.define(new AggregatorSpec("and", List.of(Argument.attribute("x", 0, type)), false));
    }

    @Test
    void validatesArgumentsAndReturnsBool() {
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("and", List.of(), false)))
                .isInstanceOf(ExtensionException.class).hasMessage("aggregator 'and' takes 1 argument: and(value); got 0");
        assertThatThrownBy(() -> define(AttributeType.INT))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'and' parameter 'value' must be BOOL, was attribute x (INT)");
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("and",
                List.of(Argument.constant(AttributeType.STRING, "true", false)), false)))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'and' parameter 'value' must be BOOL, was 'true' (STRING)");
        assertThat(define(AttributeType.BOOL).returnType()).isEqualTo(AttributeType.BOOL);
        assertThat(factory.define(new AggregatorSpec("and", List.of(Argument.expression(AttributeType.BOOL)), false))
                .returnType()).as("a condition expression").isEqualTo(AttributeType.BOOL);
        Extension ext = AndAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("and");
    }

    @Test
    void trueOnlyWhileNoFalseValueIsPresentSkippingNulls() {
        Aggregator a = define(AttributeType.BOOL).create();
        assertThat(a.value()).as("empty is FALSE, as in Siddhi").isEqualTo(false);
        a.add(null);
        assertThat(a.value()).as("NULL is skipped").isEqualTo(false);
        a.add(true);
        a.add(true);
        assertThat(a.value()).isEqualTo(true);
        a.add(false);
        assertThat(a.value()).isEqualTo(false);
        a.remove(true);
        a.remove(null);
        assertThat(a.value()).isEqualTo(false);
        a.remove(false);
        assertThat(a.value()).as("the FALSE expired").isEqualTo(true);
        a.remove(true);
        assertThat(a.value()).isEqualTo(false);
        a.remove(true); // never below zero
        a.add(true);
        assertThat(a.value()).isEqualTo(true);
        a.reset();
        assertThat(a.value()).isEqualTo(false);
        a.add(false);
        a.reset();
        a.add(true);
        assertThat(a.value()).as("reset forgets the FALSE").isEqualTo(true);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(AttributeType.BOOL);
        Aggregator original = def.create();
        original.add(true);
        original.add(false);
        original.add(false);
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(false);
        for (Aggregator a : List.of(original, restored)) {
            a.remove(false);
            a.add(true);
        }
        assertThat(restored.value()).as("one FALSE is still there").isEqualTo(original.value()).isEqualTo(false);
        restored.remove(false);
        assertThat(restored.value()).isEqualTo(true);
        assertThat(original.value()).as("the instances share nothing").isEqualTo(false);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
