package io.eventflux.api.config;

/**
 * One option of a stream after layering and {@code ${VAR}} substitution.
 *
 * @param key the option key, e.g. {@code kafka.topic}
 * @param value the resolved value (a secret in clear: never print it, use {@link #displayValue()})
 * @param origin the layer it came from
 * @param variables the environment variables it read, comma separated, or empty
 */
public record ResolvedOption(String key, String value, OptionOrigin origin, String variables) {
    /** The value as it may be shown or logged: secrets are redacted. */
    public String displayValue() {
        return Secrets.redact(key, value);
    }
}
