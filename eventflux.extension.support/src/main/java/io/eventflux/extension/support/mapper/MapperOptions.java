package io.eventflux.extension.support.mapper;

import io.eventflux.api.io.ConnectorSpec;

/** Typed access to a mapper's options, with errors naming the stream and the option. */
public final class MapperOptions {
    private final ConnectorSpec spec;

    public MapperOptions(ConnectorSpec spec) {
        this.spec = spec;
    }

    /** A boolean option ("true" or "false", any case). @throws IllegalArgumentException otherwise */
    public boolean bool(String key, boolean fallback) {
        String v = spec.options().get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        if (v.trim().equalsIgnoreCase("true")) {
            return true;
        }
        if (v.trim().equalsIgnoreCase("false")) {
            return false;
        }
        throw invalid(key, v, "true or false");
    }

    /** A single-character option. @throws IllegalArgumentException if it is not exactly one character */
    public char character(String key, char fallback) {
        String v = spec.options().get(key);
        if (v == null || v.isEmpty()) {
            return fallback;
        }
        if (v.equals("\\t")) {
            return '\t';
        }
        if (v.length() != 1) {
            throw invalid(key, v, "a single character");
        }
        return v.charAt(0);
    }

    /** A string option, or null. */
    public String string(String key) {
        String v = spec.options().get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    /** "stream S: option 'k' = 'v' is invalid, expected ...". */
    public IllegalArgumentException invalid(String key, String value, String expected) {
        return new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + key + "' = '"
                + value + "' is invalid, expected " + expected);
    }
}
