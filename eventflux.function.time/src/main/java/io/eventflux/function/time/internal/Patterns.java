package io.eventflux.function.time.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * formatDate and parseDate. A constant pattern is compiled once and a bad one is a compile error; a
 * pattern that varies per event is compiled when it changes, and a bad one gives NULL.
 */
final class Patterns {
    private Patterns() {
    }

    static FunctionDefinition formatDate(FunctionCall call) {
        call.arity(2, 2);
        call.integral(0);
        call.exactly(1, AttributeType.STRING);
        return define(call, AttributeType.STRING, Patterns::format);
    }

    static FunctionDefinition parseDate(FunctionCall call) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        return define(call, AttributeType.LONG, Patterns::parse);
    }

    private static FunctionDefinition define(FunctionCall call, AttributeType type,
            BiFunction<DateTimeFormatter, Object, Object> body) {
        Argument pattern = call.argument(1);
        if (pattern.isConstant() && pattern.value() instanceof String p) {
            DateTimeFormatter formatter;
            try {
                formatter = compile(p);
            } catch (IllegalArgumentException e) {
                throw new ExtensionException("function '" + call.name() + "' argument 2 is not a valid date pattern '"
                        + p + "': " + e.getMessage(), e);
            }
            return DefinedFunction.of(type, a -> body.apply(formatter, a[0]));
        }
        return new DefinedFunction(type, context -> new Varying(body));
    }

    static DateTimeFormatter compile(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(ZoneOffset.UTC);
    }

    static Object format(DateTimeFormatter formatter, Object ts) {
        if (!(ts instanceof Number n)) {
            return null;
        }
        try {
            return formatter.format(Instant.ofEpochMilli(n.longValue()));
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    static Object parse(DateTimeFormatter formatter, Object text) {
        if (!(text instanceof String s)) {
            return null;
        }
        try {
            TemporalAccessor t = formatter.parse(s);
            if (t.isSupported(ChronoField.INSTANT_SECONDS)) {
                return Instant.from(t).toEpochMilli();
            }
            LocalDate date = t.query(TemporalQueries.localDate());
            if (date == null) {
                return null;
            }
            LocalTime time = t.query(TemporalQueries.localTime());
            return LocalDateTime.of(date, time == null ? LocalTime.MIDNIGHT : time).toInstant(ZoneOffset.UTC)
                    .toEpochMilli();
        } catch (DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** A per-event pattern: recompiled when it changes; an invalid one gives NULL. */
    private static final class Varying implements Function {
        private final BiFunction<DateTimeFormatter, Object, Object> body;
        private String lastPattern;
        private DateTimeFormatter lastFormatter;

        Varying(BiFunction<DateTimeFormatter, Object, Object> body) {
            this.body = body;
        }

        @Override
        public Object apply(Object[] arguments) {
            if (!(arguments[1] instanceof String pattern)) {
                return null;
            }
            if (!pattern.equals(lastPattern)) {
                lastPattern = pattern;
                try {
                    lastFormatter = compile(pattern);
                } catch (IllegalArgumentException e) {
                    lastFormatter = null;
                }
            }
            return lastFormatter == null ? null : body.apply(lastFormatter, arguments[0]);
        }
    }
}
