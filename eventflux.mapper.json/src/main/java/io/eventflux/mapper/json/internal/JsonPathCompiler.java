package io.eventflux.mapper.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * Jayway JSONPath set up on its Jackson providers. The configuration names both providers, so Jayway never
 * builds its json-smart defaults. The factory makes one on the first mapper with {@code json.mapping.*}
 * keys: building it loads Jayway and jackson-databind, which a runtime without such mappers never does.
 * Thread-safe: the configuration and the compiled paths are immutable.
 */
final class JsonPathCompiler {
    private final Configuration configuration;

    JsonPathCompiler() {
        ObjectMapper mapper = new ObjectMapper();
        configuration = Configuration.builder()
                .jsonProvider(new JacksonJsonProvider(mapper))
                .mappingProvider(new JacksonMappingProvider(mapper))
                .build();
    }

    Configuration configuration() {
        return configuration;
    }

    /**
     * Compiles one option's path. Jayway reads a path without a leading {@code $} from the root
     * ({@code a.b} is {@code $.a.b}).
     *
     * @throws IllegalArgumentException "stream S: option 'key' = 'path' is invalid: Jayway's reason"
     */
    JsonPath compile(String stream, String key, String path) {
        if (path.isBlank()) {
            // Jayway's own message for this one is "json can not be null or empty"
            throw new IllegalArgumentException("stream " + stream + ": option '" + key + "' = '" + path
                    + "' is not a valid JSONPath: it is empty");
        }
        try {
            return JsonPath.compile(path);
        } catch (InvalidPathException | IllegalArgumentException e) {
            throw new IllegalArgumentException("stream " + stream + ": option '" + key + "' = '" + path
                    + "' is not a valid JSONPath: " + e.getMessage(), e);
        }
    }
}
