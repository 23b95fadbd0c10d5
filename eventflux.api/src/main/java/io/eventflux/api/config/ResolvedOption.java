package io.eventflux.api.config;

/**
 * One option of a stream after layering and {@code ${VAR}} substitution.
 *
 * @param key the option key, e.g. {@code kafka.topic}
 * @param value the resolved value (a secret in clear: never print it, use {@link #displayValue()})
 * @param origin the layer it came from
 * @param variables the environment variables it read, comma separated in order of use, or empty
 */
public record ResolvedOption(String key, String value, OptionOrigin origin, String variables) {
    public ResolvedOption {
        variables = variables == null ? "" : variables;
    }

    /**
     * The value as it may be shown or logged: redacted when the key names a secret, and also when the value
     * read an environment variable whose name does ({@code http.url = "https://u:${DB_PASSWORD}@h"}).
     */
    public String displayValue() {
        if (value == null) {
            return null;
        }
        if (!variables.isEmpty()) {
            for (String variable : variables.split(",")) {
                if (Secrets.isSecret(variable)) {
                    return Secrets.REDACTED;
                }
            }
        }
        return Secrets.redact(key, value);
    }
}
