package io.eventflux.engine;

import io.eventflux.sql.plan.AppPlan;

/**
 * A deployed app that shows the plan it was compiled to: the engine's {@link io.eventflux.api.AppRuntime}s
 * implement it, so a tool that deployed an app (the {@code eventflux} command reads its streams' {@code WITH}
 * options) need not compile the same SQL a second time.
 */
public interface CompiledApp {
    /** The plan of the app's last (or current) run, or null when it never compiled. */
    AppPlan plan();
}
