package io.eventflux.function.time.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalField;
import java.util.Locale;
import java.util.Map;

/** dateAdd and extract, in UTC. A constant unit is checked at compile time; an unknown per-event unit gives NULL. */
final class Calendar {
    private static final Map<String, ChronoUnit> UNITS = Map.of(
            "MILLISECOND", ChronoUnit.MILLIS, "SECOND", ChronoUnit.SECONDS, "MINUTE", ChronoUnit.MINUTES,
            "HOUR", ChronoUnit.HOURS, "DAY", ChronoUnit.DAYS, "WEEK", ChronoUnit.WEEKS,
            "MONTH", ChronoUnit.MONTHS, "YEAR", ChronoUnit.YEARS);
    private static final Map<String, TemporalField> FIELDS = Map.ofEntries(
            Map.entry("YEAR", ChronoField.YEAR), Map.entry("MONTH", ChronoField.MONTH_OF_YEAR),
            Map.entry("DAY", ChronoField.DAY_OF_MONTH), Map.entry("HOUR", ChronoField.HOUR_OF_DAY),
            Map.entry("MINUTE", ChronoField.MINUTE_OF_HOUR), Map.entry("SECOND", ChronoField.SECOND_OF_MINUTE),
            Map.entry("MILLISECOND", ChronoField.MILLI_OF_SECOND), Map.entry("DOW", ChronoField.DAY_OF_WEEK),
            Map.entry("DAY_OF_WEEK", ChronoField.DAY_OF_WEEK), Map.entry("DOY", ChronoField.DAY_OF_YEAR),
            Map.entry("DAY_OF_YEAR", ChronoField.DAY_OF_YEAR), Map.entry("WEEK", IsoFields.WEEK_OF_WEEK_BASED_YEAR));

    private Calendar() {
    }

    /** The unit for a name such as 'day', 'Days' or 'MILLISECONDS'; null if unknown. */
    static ChronoUnit unit(Object name) {
        if (!(name instanceof String s)) {
            return null;
        }
        String u = s.trim().toUpperCase(Locale.ROOT);
        ChronoUnit unit = UNITS.get(u);
        if (unit == null && u.endsWith("S")) {
            unit = UNITS.get(u.substring(0, u.length() - 1));
        }
        return unit;
    }

    static TemporalField field(Object name) {
        return name instanceof String s ? FIELDS.get(s.trim().toUpperCase(Locale.ROOT)) : null;
    }

    static FunctionDefinition dateAdd(FunctionCall call) {
        call.arity(3, 3);
        call.integral(0);
        call.integral(1);
        call.exactly(2, AttributeType.STRING);
        Argument unitArg = call.argument(2);
        if (unitArg.isConstant() && unitArg.value() != null) {
            ChronoUnit unit = unit(unitArg.value());
            if (unit == null) {
                throw new ExtensionException("function '" + call.name() + "' argument 3 is not a time unit '"
                        + unitArg.value() + "' (millisecond, second, minute, hour, day, week, month or year)");
            }
            return DefinedFunction.of(AttributeType.LONG, a -> add(a[0], a[1], unit));
        }
        return DefinedFunction.of(AttributeType.LONG, a -> add(a[0], a[1], unit(a[2])));
    }

    private static Object add(Object ts, Object amount, ChronoUnit unit) {
        if (!(ts instanceof Number t) || !(amount instanceof Number n) || unit == null) {
            return null;
        }
        try {
            return utc(t).plus(n.longValue(), unit).toInstant().toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static FunctionDefinition extract(FunctionCall call) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.integral(1);
        Argument unitArg = call.argument(0);
        if (unitArg.isConstant() && unitArg.value() != null) {
            TemporalField field = field(unitArg.value());
            if (field == null) {
                throw new ExtensionException("function '" + call.name() + "' argument 1 is not a date field '"
                        + unitArg.value() + "' (YEAR, MONTH, DAY, HOUR, MINUTE, SECOND, MILLISECOND, DOW,"
                        + " DAY_OF_WEEK, DOY, DAY_OF_YEAR or WEEK)");
            }
            return DefinedFunction.of(AttributeType.INT, a -> get(a[1], field));
        }
        return DefinedFunction.of(AttributeType.INT, a -> get(a[1], field(a[0])));
    }

    private static Object get(Object ts, TemporalField field) {
        if (!(ts instanceof Number t) || field == null) {
            return null;
        }
        try {
            return utc(t).get(field);
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    private static ZonedDateTime utc(Number ts) {
        return Instant.ofEpochMilli(ts.longValue()).atZone(ZoneOffset.UTC);
    }
}
