/**
 * The compiled, typed plan of an app: immutable records the engine turns into running processors.
 * Expressions are {@link io.eventflux.sql.plan.TypedExpr} trees whose every node knows its type and
 * whose attribute references are resolved to positions.
 */
@Export
@Version("1.2.0")
package io.eventflux.sql.plan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
