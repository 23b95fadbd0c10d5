package io.eventflux.function.json.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code json} library, on Jackson 2. */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "json", description = "JSON functions", parameters = {
        "jsonGet(json: STRING, path: STRING): the value at the JSONPath as text (strings unquoted, numbers and"
                + " booleans as written, objects and arrays as compact JSON), STRING; NULL if the path is absent,"
                + " the value is null or the JSON is invalid. Paths: $ then any of .name, ['name'] and [index]",
        "toJson(value): the value as JSON text (a string is quoted, maps and lists become objects and arrays),"
                + " STRING; NULL for NULL"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class JsonFunctions implements FunctionFactory {
    /** Made when an app first calls a json function: building it loads ~300 classes, which startup skips. */
    private ObjectMapper mapper;
    private final FunctionTable table = new FunctionTable("json")
            .add("jsonGet", call -> JsonGet.define(call, mapper()))
            .add("toJson", call -> ToJson.define(call, mapper()));

    private synchronized ObjectMapper mapper() {
        if (mapper == null) {
            mapper = new ObjectMapper();
        }
        return mapper;
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
