package io.eventflux.function.time.internal;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code time} library. Timestamps are epoch milliseconds (INT or LONG) and every calculation is in
 * UTC; patterns follow {@link java.time.format.DateTimeFormatter}. Constant patterns and units are
 * checked at compile time; per-event ones that are invalid give NULL.
 */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "time", description = "Date and time functions (UTC)", parameters = {
        "formatDate(ts: INT|LONG, pattern: STRING): ts formatted with a DateTimeFormatter pattern in UTC, STRING",
        "parseDate(s: STRING, pattern: STRING): epoch milliseconds of s read with the pattern in UTC"
                + " (a date alone is its midnight; SMART resolving), LONG; NULL if s does not parse",
        "dateAdd(ts: INT|LONG, amount: INT|LONG, unit: STRING): ts plus amount units (millisecond, second,"
                + " minute, hour, day, week, month, year; singular or plural, any case) in UTC, LONG",
        "extract(unit: STRING, ts: INT|LONG): one field of ts in UTC, INT; units YEAR, MONTH, DAY, HOUR,"
                + " MINUTE, SECOND, MILLISECOND, DOW/DAY_OF_WEEK (ISO: 1 Monday .. 7 Sunday),"
                + " DOY/DAY_OF_YEAR, WEEK (ISO week of the year). EXTRACT(unit FROM ts) calls it"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class TimeFunctions implements FunctionFactory {
    private final FunctionTable table = new FunctionTable("time")
            .add("formatDate", Patterns::formatDate)
            .add("parseDate", Patterns::parseDate)
            .add("dateAdd", Calendar::dateAdd)
            .add("extract", Calendar::extract);

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
