package io.eventflux.function.core.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/** The {@code core} library: NULL handling, conversion, type tests, time and identity. */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "core", description = "NULL handling, conversion, type tests, time",
        parameters = {
            "coalesce(a, b, ...): first non-NULL argument, common type of the arguments",
            "default(x, d): x, or d when x is NULL, common type",
            "ifnull(x, d): same as default",
            "nullif(a, b): NULL when a equals b, else a; type of a",
            "if(cond: BOOL, a, b): a when cond is true, else b (also when NULL); common type of a and b",
            "convert(x, type: STRING constant): x converted like CAST(x AS type), e.g. convert(x, 'LONG')",
            "uuid(): a random UUID, STRING",
            "now(): the app clock in epoch ms, LONG",
            "currentTimeMillis(): same as now",
            "eventTimestamp(): the timestamp of the current event, LONG",
            "instanceOfString(x): whether x is a STRING value, BOOL (false for NULL)",
            "instanceOfInteger(x): whether x is an INT value, BOOL",
            "instanceOfLong(x): whether x is a LONG value, BOOL",
            "instanceOfFloat(x): whether x is a FLOAT value, BOOL",
            "instanceOfDouble(x): whether x is a DOUBLE value, BOOL",
            "instanceOfBoolean(x): whether x is a BOOL value, BOOL",
            "sizeOfSet(set: OBJECT): the size of a java.util.Set, INT"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class CoreFunctions implements FunctionFactory {
    private final FunctionTable table = new FunctionTable("core")
            .add("coalesce", NullHandling::coalesce)
            .add("default", NullHandling::fallback)
            .add("ifnull", NullHandling::fallback)
            .add("nullif", NullHandling::nullIf)
            .add("if", NullHandling::choose)
            .add("convert", Conversion::define)
            .add("uuid", ContextFunctions::uuid)
            .add("now", ContextFunctions::now)
            .add("currentTimeMillis", ContextFunctions::now)
            .add("eventTimestamp", ContextFunctions::eventTimestamp)
            .add("instanceOfString", call -> TypeTests.instanceOf(call, v -> v instanceof String))
            .add("instanceOfInteger", call -> TypeTests.instanceOf(call, v -> v instanceof Integer))
            .add("instanceOfLong", call -> TypeTests.instanceOf(call, v -> v instanceof Long))
            .add("instanceOfFloat", call -> TypeTests.instanceOf(call, v -> v instanceof Float))
            .add("instanceOfDouble", call -> TypeTests.instanceOf(call, v -> v instanceof Double))
            .add("instanceOfBoolean", call -> TypeTests.instanceOf(call, v -> v instanceof Boolean))
            .add("sizeOfSet", TypeTests::sizeOfSet);

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
