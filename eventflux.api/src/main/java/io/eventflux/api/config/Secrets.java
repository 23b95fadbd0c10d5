package io.eventflux.api.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which option keys hold secrets ({@code *password*}, {@code *token*}, {@code *secret*}, SASL keys such as
 * {@code kafka.sasl.jaas.config}, key stores' passwords and PEM keys ({@code ssl.keystore.key}), credentials,
 * API keys, authorization headers, {@code basic.auth.user.info}) and
 * their redacted form. Anything that prints or logs options goes through here. The match ignores case and
 * errs on the side of hiding: {@code sasl.mechanism} is hidden too.
 */
public final class Secrets {
    /** What a secret value is shown as. */
    public static final String REDACTED = "********";

    /** Substrings of a lower-case key (or environment variable name) that mark it as a secret. */
    private static final List<String> MARKERS = List.of("password", "passwd", "passphrase", "pwd", "token",
            "secret", "sasl", "jaas", "credential", "private.key", "privatekey", "private_key", "apikey", "api.key",
            "api_key", "authorization", "keystore.key", "user.info", "userinfo");

    private Secrets() {
    }

    /** Whether an option key (or an environment variable's name) names a secret; false for null. */
    public static boolean isSecret(String key) {
        if (key == null) {
            return false;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (String marker : MARKERS) {
            if (k.contains(marker)) {
                return true;
            }
        }
        return false;
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
