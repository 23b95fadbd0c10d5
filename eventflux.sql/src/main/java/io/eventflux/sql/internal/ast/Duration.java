package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.SourcePosition;

/** A duration ({@code 5 SECONDS}, {@code INTERVAL '10' SECOND}) in milliseconds. */
public record Duration(long millis, SourcePosition pos) implements Node {
}
