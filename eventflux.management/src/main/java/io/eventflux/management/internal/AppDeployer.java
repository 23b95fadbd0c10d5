package io.eventflux.management.internal;

import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;

/**
 * Deploys an app by name, replacing the one of that name if there is one. A replacement is compiled
 * first: SQL that does not compile throws and leaves the running version untouched (its state too).
 * Shared by {@code PUT /api/apps/{app}} and the deploy folder.
 */
final class AppDeployer {
    private final EventFluxManagement management;
    private final EventFlux eventFlux;
    private final DeployOptions options;

    /** @param options how apps are deployed: wall clock, ring buffer, the configuration file's stream options */
    AppDeployer(EventFluxManagement management, EventFlux eventFlux, DeployOptions options) {
        this.management = management;
        this.eventFlux = eventFlux;
        this.options = options;
    }

    /** The outcome: the app's summary and whether it replaced a deployed one. */
    record Deployed(AppSummary summary, boolean replaced) {
    }

    synchronized Deployed deploy(String name, String sql) throws CompileException {
        boolean exists = exists(name);
        if (exists) {
            eventFlux.validate(sql);
            management.undeploy(name);
        }
        return new Deployed(management.deploy(sql, options.withName(name)), exists);
    }

    synchronized boolean undeploy(String name) {
        return management.undeploy(name);
    }

    /** Waits for a redeploy in progress, so that a reader never sees the gap between undeploy and deploy. */
    synchronized boolean exists(String name) {
        return management.apps().stream().anyMatch(app -> app.name().equals(name));
    }
}
