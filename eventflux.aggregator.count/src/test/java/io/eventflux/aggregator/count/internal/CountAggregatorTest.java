package io.eventflux.aggregator.count.internal;

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

class CountAggregatorTest {
    private static final Argument X = Argument.attribute("x", 0, AttributeType.STRING);
    private final CountAggregatorFactory factory = new CountAggregatorFactory();

    private AggregatorDefinition define(Argument... args) {
        return factory.define(new AggregatorSpec("count", List.of(args), false));
    }

    @Test
    void validatesArguments() {
        assertThatThrownBy(() -> define(X, X))
                .isInstanceOf(ExtensionException.class)
                .hasMessage("aggregator 'count' takes 0 or 1 argument(s): count() or count(value); got 2");
        assertThatThrownBy(() -> factory.define(new AggregatorSpec("count", List.of(X), true)))
                .isInstanceOf(ExtensionException.class).hasMessageContaining("distinctCount(x)");
        assertThat(define().returnType()).isEqualTo(AttributeType.LONG);
        assertThat(define(X).returnType()).isEqualTo(AttributeType.LONG);
    }

    @Test
    void annotationNamesTheExtension() {
        Extension ext = CountAggregatorFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.AGGREGATOR);
        assertThat(ext.name()).isEqualTo("count");
    }

    @Test
    void countWithoutArgumentCountsEveryEvent() {
        Aggregator c = define().create();
        assertThat(c.value()).isEqualTo(0L);
        c.add(null);
        c.add(null);
        c.add(null);
        assertThat(c.value()).isEqualTo(3L);
        c.remove(null);
        assertThat(c.value()).isEqualTo(2L);
        c.reset();
        assertThat(c.value()).isEqualTo(0L);
    }

    @Test
    void countOfAValueSkipsNulls() {
        Aggregator c = define(X).create();
        c.add("a");
        c.add(null);
        c.add("b");
        assertThat(c.value()).isEqualTo(2L);
        c.remove(null);
        assertThat(c.value()).isEqualTo(2L);
        c.remove("a");
        c.remove("b");
        c.remove("b"); // never below zero
        assertThat(c.value()).isEqualTo(0L);
    }

    @Test
    void snapshotRestoresIntoAFreshInstanceAndContinuesIdentically() {
        AggregatorDefinition def = define(X);
        Aggregator original = def.create();
        original.add("a");
        original.add("b");
        Aggregator restored = def.create();
        restored.restore(Snapshots.roundTrip(original.snapshot()));
        assertThat(restored.value()).isEqualTo(2L);
        original.add("c");
        restored.add("c");
        original.remove("a");
        restored.remove("a");
        assertThat(restored.value()).isEqualTo(original.value()).isEqualTo(2L);
        assertThatThrownBy(() -> restored.restore("x")).isInstanceOf(IllegalArgumentException.class);
    }
}
