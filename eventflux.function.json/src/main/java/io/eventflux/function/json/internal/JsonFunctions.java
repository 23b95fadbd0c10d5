package io.eventflux.function.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code json} library, on Jackson 2 and Jayway JSONPath. */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "json", description = "JSON functions", parameters = {
        "jsonGet(json: STRING, path: STRING): the value at the JSONPath (Jayway syntax: $.a.b, $['a'], $.a[0],"
                + " $..a, $.a[*], $.a[?(@.b > 1)], $.a.length(); a path without $ starts at the root) as text"
                + " (strings unquoted, numbers and booleans as written, objects and arrays as compact JSON, the"
                + " matches of a path with .., * or a filter as a JSON array), STRING; NULL if the path matches"
                + " nothing, the value is null or the JSON is invalid",
        "toJson(value): the value as JSON text (a string is quoted, maps and lists become objects and arrays),"
                + " STRING; NULL for NULL"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class JsonFunctions implements FunctionFactory {
    /** Made when an app first calls a json function: building it loads ~300 classes, which startup skips. */
    private ObjectMapper mapper;
    /** Jayway on the same mapper, made for the first jsonGet. */
    private Configuration jsonPath;
    private final FunctionTable table = new FunctionTable("json")
            .add("jsonGet", call -> JsonGet.define(call, this::jsonPath))
            .add("toJson", call -> ToJson.define(call, mapper()));

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper;
    }

    /** Both providers named, so Jayway never builds its json-smart defaults. */
    private synchronized Configuration jsonPath() {
        if (jsonPath == null) {
            jsonPath = Configuration.builder().jsonProvider(new JacksonJsonProvider(mapper()))
                    .mappingProvider(new JacksonMappingProvider(mapper())).build();
        }
        return jsonPath;
    }

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
