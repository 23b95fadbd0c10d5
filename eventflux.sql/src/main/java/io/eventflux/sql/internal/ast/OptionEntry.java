package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;

/** One {@code key = 'value'} of a WITH clause; the key without quotes, the value as a string. */
public record OptionEntry(String key, String value, SourcePosition pos) implements Node {
}
