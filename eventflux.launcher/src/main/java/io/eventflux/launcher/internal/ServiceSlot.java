package io.eventflux.launcher.internal;

import java.util.concurrent.TimeUnit;

/** Holds a dynamically bound service; readers wait for it with a bound. */
final class ServiceSlot<T> {
    private T service;

    synchronized void set(T newService) {
        service = newService;
        notifyAll();
    }

    /** Clears the slot if it still holds this service. */
    synchronized void clear(T oldService) {
        if (service == oldService) {
            service = null;
        }
    }

    /** The service, waiting up to the timeout for it; null if it did not come. */
    synchronized T await(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (service == null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return service;
    }
}
