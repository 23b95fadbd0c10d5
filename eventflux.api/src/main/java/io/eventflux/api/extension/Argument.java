package io.eventflux.api.extension;

import io.eventflux.api.AttributeType;
import java.util.Objects;

/**
 * One argument given to an extension in SQL, as the compiler resolved it: a constant (with its value,
 * and whether it was written as a duration), a reference to an attribute of the input schema, or an
 * expression computed per event (only its type is known at plan time).
 */
public final class Argument {
    /** What kind of argument this is. */
    public enum Kind { CONSTANT, ATTRIBUTE, EXPRESSION }

    private final Kind kind;
    private final AttributeType type;
    private final Object value;
    private final boolean duration;
    private final String attributeName;
    private final int attributeIndex;

    private Argument(Kind kind, AttributeType type, Object value, boolean duration, String attributeName,
            int attributeIndex) {
        this.kind = kind;
        this.type = Objects.requireNonNull(type, "type");
        this.value = value;
        this.duration = duration;
        this.attributeName = attributeName;
        this.attributeIndex = attributeIndex;
    }

    /** A literal; {@code duration} is true when written as one ({@code 5 SECONDS}, value in ms). */
    public static Argument constant(AttributeType type, Object value, boolean duration) {
        return new Argument(Kind.CONSTANT, type, value, duration, null, -1);
    }

    /** A plain attribute reference into the input schema. */
    public static Argument attribute(String name, int index, AttributeType type) {
        return new Argument(Kind.ATTRIBUTE, type, null, false, name, index);
    }

    /** Any other expression, evaluated per event. */
    public static Argument expression(AttributeType type) {
        return new Argument(Kind.EXPRESSION, type, null, false, null, -1);
    }

    public Kind kind() {
        return kind;
    }

    public AttributeType type() {
        return type;
    }

    public boolean isConstant() {
        return kind == Kind.CONSTANT;
    }

    public boolean isAttribute() {
        return kind == Kind.ATTRIBUTE;
    }

    /** The constant's value (null for NULL and for non-constants). */
    public Object value() {
        return value;
    }

    /** True when the constant was written as a duration. */
    public boolean isDuration() {
        return duration;
    }

    public String attributeName() {
        return attributeName;
    }

    public int attributeIndex() {
        return attributeIndex;
    }

    /**
     * The constant as a long (an INT or LONG literal, or a duration in ms).
     *
     * @param what how the error names this argument, e.g. "window 'length' parameter 'size'"
     * @throws ExtensionException naming {@code what} when it is not an integral constant
     */
    public long longValue(String what) {
        if (kind == Kind.CONSTANT && value instanceof Number n && (type == AttributeType.INT || type == AttributeType.LONG)) {
            return n.longValue();
        }
        throw new ExtensionException(what + " must be an integer constant, was " + describe());
    }

    /** Like {@link #longValue(String)} and also checks that the value is positive. */
    public long positiveLong(String what) {
        long v = longValue(what);
        if (v <= 0) {
            throw new ExtensionException(what + " must be positive, was " + v);
        }
        return v;
    }

    /** The constant as a string. @throws ExtensionException when it is not a string constant */
    public String stringValue(String what) {
        if (kind == Kind.CONSTANT && value instanceof String s) {
            return s;
        }
        throw new ExtensionException(what + " must be a string constant, was " + describe());
    }

    /** The constant as a double. @throws ExtensionException when it is not a numeric constant */
    public double doubleValue(String what) {
        if (kind == Kind.CONSTANT && value instanceof Number n) {
            return n.doubleValue();
        }
        throw new ExtensionException(what + " must be a numeric constant, was " + describe());
    }

    /** How error messages show this argument. */
    public String describe() {
        return switch (kind) {
            case CONSTANT -> value instanceof String s ? "'" + s + "' (" + type + ")"
                    : value + (duration ? " ms" : "") + " (" + type + ")";
            case ATTRIBUTE -> "attribute " + attributeName + " (" + type + ")";
            case EXPRESSION -> "an expression of type " + type;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
