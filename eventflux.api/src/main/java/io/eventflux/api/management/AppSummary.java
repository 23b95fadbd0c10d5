package io.eventflux.api.management;

import io.eventflux.api.AppState;
import java.util.Objects;
import java.util.Set;

/**
 * One line of {@code eventflux:apps}: an app's name and lifecycle.
 *
 * @param name the app's name
 * @param state its lifecycle state
 * @param waitingFor the extensions it waits for, as {@code type:name} ({@code window:length},
 *     {@code function:hello}, {@code source:kafka}, {@code mapper:avro}, {@code table-store:redis}); empty
 *     unless {@link AppState#WAITING}
 * @param error why it failed (FAILED), or the compile errors naming the missing extensions (WAITING); null
 *     otherwise
 * @param uptimeMillis how long the current run has been RUNNING; 0 when not running
 * @param restarts how many times the app was stopped and started again because extensions it uses left
 *     or came back (0 for an app that never moved)
 * @param restored what the app's state was restored from when this deployment started (which queries kept
 *     their state, which started empty), or null when it started without a stored snapshot
 */
public record AppSummary(String name, AppState state, Set<String> waitingFor, String error, long uptimeMillis,
        int restarts, StateRestore restored) {
    public AppSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        waitingFor = Set.copyOf(waitingFor);
    }

    /** A summary of an app that started without a stored snapshot. */
    public AppSummary(String name, AppState state, Set<String> waitingFor, String error, long uptimeMillis,
            int restarts) {
        this(name, state, waitingFor, error, uptimeMillis, restarts, null);
    }
}
