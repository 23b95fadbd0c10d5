package io.eventflux.itest;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Bounded waits for things the framework does asynchronously (service registration after a bundle
 * starts). Runs inside OSGi, in the test probe.
 */
final class Await {
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits for a service matching an LDAP filter; fails after {@link #TIMEOUT}. */
    static Object service(BundleContext context, String filter) throws InterruptedException {
        ServiceTracker<Object, Object> tracker;
        try {
            tracker = new ServiceTracker<>(context, FrameworkUtil.createFilter(filter), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(filter, e);
        }
        tracker.open(true);
        try {
            Object service = tracker.waitForService(TIMEOUT.toMillis());
            if (service == null) {
                throw new AssertionError("no service " + filter + " within " + TIMEOUT);
            }
            return service;
        } finally {
            tracker.close();
        }
    }

    /** Polls (every 10 ms, Awaitility-style) until the supplier returns non-null; fails after {@link #TIMEOUT}. */
    static <T> T until(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + TIMEOUT + " waiting for " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
    }
}
