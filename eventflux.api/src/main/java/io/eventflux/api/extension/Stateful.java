package io.eventflux.api.extension;

import java.io.Serializable;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Operator state that survives snapshots. Both methods run on the app's writer thread, between chunks.
 * The snapshot must not share mutable objects with the live state.
 */
@ConsumerType
public interface Stateful {
    /** A self-contained copy of the state, made of JDK serializable types (or null when stateless). */
    Serializable snapshot();

    /** Puts back a state returned by {@link #snapshot()} of an instance made by the same definition. */
    void restore(Serializable state);
}
