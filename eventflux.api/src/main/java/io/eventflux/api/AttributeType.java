package io.eventflux.api;

/** The type of a stream attribute. TIMESTAMP, DATE and TIME are LONG epoch milliseconds. */
public enum AttributeType {
    STRING(String.class),
    INT(Integer.class),
    LONG(Long.class),
    FLOAT(Float.class),
    DOUBLE(Double.class),
    BOOL(Boolean.class),
    OBJECT(Object.class);

    private final Class<?> javaType;

    AttributeType(Class<?> javaType) {
        this.javaType = javaType;
    }

    /** The Java class every non-null value of this type is an instance of. */
    public Class<?> javaType() {
        return javaType;
    }

    /** True for INT, LONG, FLOAT and DOUBLE. */
    public boolean isNumeric() {
        return this == INT || this == LONG || this == FLOAT || this == DOUBLE;
    }

    /** The wider of two numeric types (INT &lt; LONG &lt; FLOAT &lt; DOUBLE). */
    public static AttributeType widest(AttributeType a, AttributeType b) {
        if (!a.isNumeric() || !b.isNumeric()) {
            throw new IllegalArgumentException("not numeric: " + a + ", " + b);
        }
        return a.ordinal() >= b.ordinal() ? a : b;
    }
}
