package io.eventflux.api;

import java.util.List;
import java.util.Set;

/**
 * A snapshot of what the runtime knows about one deployed app.
 *
 * @param name the app's name
 * @param state its lifecycle state
 * @param waitingFor names of the extensions it waits for (empty unless WAITING)
 * @param streams the schemas of its streams, in declaration order
 * @param error the error that failed it, or null
 */
public record AppInfo(String name, AppState state, Set<String> waitingFor, List<StreamSchema> streams, String error) {
    public AppInfo {
        waitingFor = Set.copyOf(waitingFor);
        streams = List.copyOf(streams);
    }
}
