package io.eventflux.api.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which option keys hold secrets ({@code *password*}, {@code *token*}, {@code *secret*}, SASL keys, key
 * stores' passwords) and their redacted form. Anything that prints or logs options goes through here.
 */
public final class Secrets {
    /** What a secret value is shown as. */
    public static final String REDACTED = "********";

    private Secrets() {
    }

    /** Whether an option key names a secret. */
    public static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("token") || k.contains("secret") || k.contains("sasl")
                || k.contains("credential") || k.contains("private.key") || k.endsWith(".key.password")
                || k.contains("apikey") || k.contains("api.key") || k.contains("authorization");
    }

    /** The value as it may be shown: {@link #REDACTED} for a secret key (or null for null). */
    public static String redact(String key, String value) {
        if (value == null) {
            return null;
        }
        return isSecret(key) ? REDACTED : value;
    }

    /** A copy of {@code options} with every secret value redacted, in the same order. */
    public static Map<String, String> redact(Map<String, String> options) {
        Map<String, String> out = new LinkedHashMap<>();
        options.forEach((k, v) -> out.put(k, redact(k, v)));
        return out;
    }
}
