package io.eventflux.sql.plan;

import io.eventflux.api.StreamSchema;

/**
 * A single stream input: {@code FROM S [AS a] [WINDOW(...)] [WHERE cond]}.
 *
 * @param stream the input stream's schema
 * @param alias the alias, or null
 * @param filter the WHERE condition (applied before the window), or null
 * @param window the window, or null
 */
public record StreamInput(StreamSchema stream, String alias, TypedExpr filter, WindowPlan window) implements InputPlan {
}
