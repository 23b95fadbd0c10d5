package io.eventflux.engine.internal.app;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code blocking} wait of an app's ring ({@code async.wait}): the single consumer spins briefly, yields
 * a little, then parks until a producer unparks it. Unlike Disruptor's {@code BlockingWaitStrategy}, which enters a monitor
 * and calls {@code notifyAll} on every publish, a producer here only reads one volatile field, and calls
 * {@link LockSupport#unpark} when the consumer is actually parked: no lock on the producers' path.
 *
 * <p>One consumer only (the app's writer). No wake-up is lost: the consumer publishes itself in
 * {@link #waiter} and then, after a full fence, reads the cursor again before parking; a producer advances
 * the cursor by a compare-and-set when it claims a slot ({@code ProducerType.MULTI}: a full fence) and reads
 * {@link #waiter} after publishing. So either the consumer sees the new cursor or the producer sees the
 * parked consumer. The park is also bounded, as a second line of defence.
 */
final class ParkingWaitStrategy implements WaitStrategy {
    /** A few microseconds of {@code onSpinWait}: covers a producer in mid-burst. */
    private static final int SPINS = 100;
    /**
     * Then some {@code Thread.yield()}s (~tens of µs when nothing else runs, less CPU for others when
     * something does) before parking: under a steady stream the writer seldom parks, so senders seldom pay
     * for an unpark (a system call), which at full speed cost them about a third of their time.
     */
    private static final int YIELDS = 100;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int spins;
    private final int yields;
    private final long maxParkNanos;
    private volatile Thread waiter;

    ParkingWaitStrategy() {
        this(SPINS, YIELDS, MAX_PARK_NANOS);
    }

    /**
     * @param spins how many times the consumer looks, spinning, before it yields
     * @param yields how many times it then looks, yielding, before it parks
     * @param maxParkNanos the longest one park lasts before the consumer looks again on its own
     */
    ParkingWaitStrategy(int spins, int yields, long maxParkNanos) {
        this.spins = spins;
        this.yields = yields;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        int spins = this.spins;
        int yields = this.yields;
        while (cursor.get() < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
                continue;
            }
            if (yields > 0) {
                yields--;
                Thread.yield();
                continue;
            }
            waiter = Thread.currentThread();
            VarHandle.fullFence();
            try {
                if (cursor.get() < sequence && !barrier.isAlerted()) {
                    LockSupport.parkNanos(this, maxParkNanos);
                }
            } finally {
                waiter = null;
            }
        }
        long available;
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public void signalAllWhenBlocking() {
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }
}
