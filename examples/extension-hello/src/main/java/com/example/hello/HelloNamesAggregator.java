package com.example.hello;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.aggregator.AggregatorDefinition;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ExtensionException;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import org.osgi.service.component.annotations.Component;

/** {@code helloNames(name)}: the names present, in arrival order, joined with ", " (an example aggregator). */
@Component(service = AggregatorFactory.class)
@Extension(type = Extension.AGGREGATOR, name = "helloNames", description = "The names present, joined with ', ' (an example third-party aggregator)",
        parameters = "name: STRING, the names (NULL is skipped)")
public final class HelloNamesAggregator implements AggregatorFactory {
    @Override
    public AggregatorDefinition define(AggregatorSpec spec) {
        if (spec.arguments().size() != 1 || spec.arguments().get(0).type() != AttributeType.STRING) {
            throw new ExtensionException("helloNames(name) takes one STRING");
        }
        return new AggregatorDefinition() {
            @Override
            public AttributeType returnType() {
                return AttributeType.STRING;
            }

            @Override
            public Aggregator create() {
                return new Names();
            }
        };
    }

    /** One group's names. Expired events leave in the order they came, so remove() drops the oldest copy. */
    private static final class Names implements Aggregator {
        private ArrayDeque<String> names = new ArrayDeque<>();

        @Override
        public void add(Object value) {
            if (value != null) {
                names.addLast((String) value);
            }
        }

        @Override
        public void remove(Object value) {
            if (value != null) {
                names.removeFirstOccurrence(value);
            }
        }

        @Override
        public void reset() {
            names.clear();
        }

        @Override
        public Object value() {
            return String.join(", ", names);
        }

        @Override
        public Serializable snapshot() {
            return new ArrayList<>(names);
        }

        @Override
        @SuppressWarnings("unchecked")
        public void restore(Serializable state) {
            names = new ArrayDeque<>((ArrayList<String>) state);
        }
    }
}
