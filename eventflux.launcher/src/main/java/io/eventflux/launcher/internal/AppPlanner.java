package io.eventflux.launcher.internal;

import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.AppPlan;

/**
 * Compiles an app into its plan, for the commands that read the streams' WITH options
 * ({@code config list}, {@code config validate}): inside OSGi against the engine's extension registry.
 */
@FunctionalInterface
interface AppPlanner {
    /**
     * @throws CompileException when the SQL does not compile
     * @throws CommandFailure (exit 1) when the runtime that compiles is not there
     */
    AppPlan plan(String sql) throws CompileException, CommandFailure;
}
