package io.eventflux.engine.internal.app;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/**
 * The app's lock in inline mode: reentrant, taken with one compare-and-set and given back with a plain
 * release store (no queue to inspect, no fence), because nearly always one thread sends. A thread that
 * finds it taken spins briefly, then yields, then parks for growing short periods until it is free: a
 * holder never has to wake anybody, which is what keeps the release free. The owner is kept as its
 * thread id, a long: storing a Thread reference into this long-lived object would pay the G1 write
 * barrier (a StoreLoad fence) on every acquisition.
 */
final class WriterLock {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(WriterLock.class, "owner", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final int SPINS = 64;
    private static final int YIELDS = 64;
    private static final long MAX_PARK_NANOS = 200_000;

    /** The owner's thread id (ids are never reused), 0 when free. */
    @SuppressWarnings("unused") // through OWNER
    private volatile long owner;
    /** How many times the owner holds it; only the owner reads or writes it. */
    private int holds;

    void lock() {
        long me = Thread.currentThread().getId();
        if ((long) OWNER.getOpaque(this) == me) {
            holds++;
            return;
        }
        if (!OWNER.compareAndSet(this, 0L, me)) {
            contended(me);
        }
        holds = 1;
    }

    private void contended(long me) {
        long park = 1_000;
        for (int tries = 0; !((long) OWNER.getOpaque(this) == 0L && OWNER.compareAndSet(this, 0L, me)); tries++) {
            if (tries < SPINS) {
                Thread.onSpinWait();
            } else if (tries < SPINS + YIELDS) {
                Thread.yield();
            } else {
                LockSupport.parkNanos(this, park);
                park = Math.min(MAX_PARK_NANOS, park * 2);
            }
        }
    }

    /** Only by the owner. */
    void unlock() {
        if (--holds == 0) {
            OWNER.setRelease(this, 0L);
        }
    }

    boolean isHeldByCurrentThread() {
        return (long) OWNER.getOpaque(this) == Thread.currentThread().getId();
    }
}
