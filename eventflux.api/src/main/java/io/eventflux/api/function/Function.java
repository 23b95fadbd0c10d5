package io.eventflux.api.function;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A scalar function. Runs on the writer thread; the argument array is reused between calls (do not
 * keep it). Return null for NULL. Must not throw for bad data: return null instead.
 */
@ConsumerType
@FunctionalInterface
public interface Function {
    Object apply(Object[] arguments);
}
