package io.eventflux.connector.kafka.internal;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a {@link KafkaBroker}: one broker for the whole test run (kept in the root context's store,
 * which closes it when the run ends), since starting one costs a few seconds. Tests use their own topics
 * and groups so they do not see each other's records.
 */
public final class KafkaBrokerExtension implements ParameterResolver {
    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == KafkaBroker.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(ExtensionContext.Namespace.create(KafkaBrokerExtension.class))
                .getOrComputeIfAbsent(KafkaBroker.class, k -> new Running(), Running.class).broker;
    }

    /** The store closes it at the end of the run. */
    private static final class Running implements ExtensionContext.Store.CloseableResource {
        private final KafkaBroker broker;

        Running() {
            try {
                broker = KafkaBroker.start();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test kafka broker: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            broker.close();
        }
    }
}
