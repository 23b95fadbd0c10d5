package io.eventflux.function.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;

/**
 * The json library's Jackson mapper and Jayway configuration, each made when an app first calls a function
 * that needs it: building them loads a few hundred classes, which startup skips. Thread-safe.
 */
final class JsonLibraries {
    private ObjectMapper mapper;
    private Configuration jsonPath;

    synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper;
    }

    /** Jayway on the same mapper. */
    synchronized Configuration jsonPath() {
        if (jsonPath == null) {
            jsonPath = JsonGet.configuration(mapper());
        }
        return jsonPath;
    }
}
