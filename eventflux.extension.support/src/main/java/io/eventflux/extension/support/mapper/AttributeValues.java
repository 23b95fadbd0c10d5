package io.eventflux.extension.support.mapper;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.io.MappingException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * Converts payload values (text, or numbers and booleans already parsed) to an attribute's declared type.
 * Immutable and thread-safe.
 */
public final class AttributeValues {
    private final String stream;
    private final DateTimeFormatter dateFormat;

    /**
     * @param stream the stream's name, for error messages
     * @param dateFormat a {@link DateTimeFormatter} pattern for LONG attributes given as date text, or null.
     *     Dates without a zone or offset are UTC; a date without a time is its midnight.
     * @throws IllegalArgumentException if the pattern is invalid
     */
    public AttributeValues(String stream, String dateFormat) {
        this.stream = stream;
        this.dateFormat = dateFormat == null ? null : DateTimeFormatter.ofPattern(dateFormat);
    }

    /**
     * Converts text. Empty text is NULL for every type but STRING.
     *
     * @param where a prefix for error messages after the stream's name, e.g. {@code ", line 3"}, or ""
     * @throws MappingException "stream S[where]: attribute 'a' (INT): cannot map value 'x'"
     */
    public Object fromText(Attribute attribute, String text, String where) throws MappingException {
        if (text == null) {
            return null;
        }
        AttributeType type = attribute.type();
        if (type == AttributeType.STRING || type == AttributeType.OBJECT) {
            return text;
        }
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return switch (type) {
                case INT -> Integer.valueOf(t);
                case LONG -> dateFormat != null && !isInteger(t) ? parseDate(t) : Long.valueOf(t);
                case FLOAT -> Float.valueOf(t);
                case DOUBLE -> Double.valueOf(t);
                case BOOL -> parseBool(t);
                default -> throw new IllegalStateException(type.name());
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw error(attribute, text, where);
        }
    }

    /**
     * Converts an already typed number (Integer, Long, BigInteger, Double, BigDecimal...). A whole number
     * fits INT or LONG only within range; any number fits FLOAT and DOUBLE; STRING gets its text.
     */
    public Object fromNumber(Attribute attribute, Number n, String text, String where) throws MappingException {
        switch (attribute.type()) {
            case INT:
                if (isWhole(n) && n.longValue() >= Integer.MIN_VALUE && n.longValue() <= Integer.MAX_VALUE) {
                    return n.intValue();
                }
                throw error(attribute, text, where);
            case LONG:
                if (isWhole(n)) {
                    return n.longValue();
                }
                throw error(attribute, text, where);
            case FLOAT:
                return n.floatValue();
            case DOUBLE:
                return n.doubleValue();
            case STRING:
                return text;
            case OBJECT:
                return n;
            default:
                throw error(attribute, text, where);
        }
    }

    /** Converts a boolean: BOOL, STRING ("true"/"false") and OBJECT accept it. */
    public Object fromBoolean(Attribute attribute, boolean b, String where) throws MappingException {
        return switch (attribute.type()) {
            case BOOL, OBJECT -> b;
            case STRING -> Boolean.toString(b);
            default -> throw error(attribute, Boolean.toString(b), where);
        };
    }

    /** The error for a value that does not fit. */
    public MappingException error(Attribute attribute, String value, String where) {
        return new MappingException("stream " + stream + where + ": attribute '" + attribute.name() + "' ("
                + attribute.type() + "): cannot map value '" + value + "'");
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte) {
            return true;
        }
        if (n instanceof java.math.BigInteger b) {
            return b.bitLength() < 64;
        }
        return false;
    }

    private static boolean isInteger(String t) {
        int start = t.startsWith("-") ? 1 : 0;
        if (start == t.length()) {
            return false;
        }
        for (int i = start; i < t.length(); i++) {
            if (!Character.isDigit(t.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static Boolean parseBool(String t) {
        if (t.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (t.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new NumberFormatException(t);
    }

    private long parseDate(String t) {
        TemporalAccessor ta = dateFormat.parse(t);
        if (ta.isSupported(ChronoField.INSTANT_SECONDS)) {
            return ta.getLong(ChronoField.INSTANT_SECONDS) * 1000 + ta.get(ChronoField.MILLI_OF_SECOND);
        }
        if (ta.isSupported(ChronoField.HOUR_OF_DAY)) {
            return LocalDateTime.from(ta).toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        return LocalDate.from(ta).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }
}
