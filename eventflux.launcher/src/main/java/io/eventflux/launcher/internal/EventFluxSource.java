package io.eventflux.launcher.internal;

import io.eventflux.api.EventFlux;

/** Where the commands get the {@code EventFlux} service from: waits for it, for a bounded time. */
@FunctionalInterface
interface EventFluxSource {
    /**
     * The service, once it is there.
     *
     * @throws CommandFailure (exit 1) naming what is missing if it does not appear in time
     */
    EventFlux await() throws CommandFailure;
}
