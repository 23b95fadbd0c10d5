package io.eventflux.function.json.internal;

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
    // No Jackson or Jayway type in this class's fields or method signatures: SCR reflects on them at
    // startup, which would load those classes.
    private final JsonLibraries libraries = new JsonLibraries();
    private final FunctionTable table = new FunctionTable("json")
            .add("jsonGet", call -> JsonGet.define(call, libraries::jsonPath))
            .add("toJson", call -> ToJson.define(call, libraries.mapper()));

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
