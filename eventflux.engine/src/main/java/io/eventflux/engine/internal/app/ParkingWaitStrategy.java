package io.eventflux.engine.internal.app;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The {@code blocking} wait of an app's ring ({@code async.wait}): the single consumer spins briefly, then
 * parks until a producer unparks it. Unlike Disruptor's {@code BlockingWaitStrategy}, which enters a monitor
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
    /** About a few microseconds of {@code onSpinWait} before parking: covers a producer in mid-burst. */
    private static final int SPINS = 200;
    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final int spins;
    private final long maxParkNanos;
    private volatile Thread waiter;

    ParkingWaitStrategy() {
        this(SPINS, MAX_PARK_NANOS);
    }

    /**
     * @param spins how many times the consumer looks before it parks
     * @param maxParkNanos the longest one park lasts before the consumer looks again on its own
     */
    ParkingWaitStrategy(int spins, long maxParkNanos) {
        this.spins = spins;
        this.maxParkNanos = maxParkNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException {
        int spins = this.spins;
        while (cursor.get() < sequence) {
            barrier.checkAlert();
            if (spins > 0) {
                spins--;
                Thread.onSpinWait();
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
