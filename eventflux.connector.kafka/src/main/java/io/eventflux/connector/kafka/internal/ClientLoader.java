package io.eventflux.connector.kafka.internal;

import java.util.function.Supplier;

/**
 * Runs Kafka client code with the thread context class loader set to this bundle's loader. kafka-clients
 * loads configured classes (serializers, partitioners, SASL callbacks) through the context loader; inside
 * OSGi the caller's loader (the engine's) cannot see the embedded client, and the failure would leave the
 * client half-initialised.
 */
final class ClientLoader {
    private ClientLoader() {
    }

    static <T> T call(Supplier<T> action) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(ClientLoader.class.getClassLoader());
        try {
            return action.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    static void run(Runnable action) {
        call(() -> {
            action.run();
            return null;
        });
    }
}
