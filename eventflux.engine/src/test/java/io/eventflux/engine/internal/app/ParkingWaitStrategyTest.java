package io.eventflux.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SequenceBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The lock-free {@code blocking} wait: a parked consumer is woken by a publish or an alert. The consumers
 * here park at once (no spinning) for up to an hour, so a lost wake-up shows as a consumer still waiting
 * after the bounded join (not as a slow test that passes).
 */
class ParkingWaitStrategyTest {
    private static final long HOUR = TimeUnit.HOURS.toNanos(1);

    private static RingBuffer<long[]> ring(ParkingWaitStrategy wait) {
        return RingBuffer.createMultiProducer(() -> new long[1], 8, wait);
    }

    private static void awaitParked(Thread t) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (t.getState() != Thread.State.TIMED_WAITING && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(t.getState()).as("the consumer parks when nothing comes").isEqualTo(Thread.State.TIMED_WAITING);
    }

    @Test
    void aParkedConsumerIsWokenByAPublish() throws Exception {
        RingBuffer<long[]> ring = ring(new ParkingWaitStrategy(0, HOUR));
        SequenceBarrier barrier = ring.newBarrier();
        AtomicLong got = new AtomicLong(-2);
        Thread consumer = new Thread(() -> {
            try {
                got.set(barrier.waitFor(0));
            } catch (Exception e) {
                got.set(-3);
            }
        });
        consumer.start();
        awaitParked(consumer);
        long seq = ring.next();
        ring.get(seq)[0] = 42;
        ring.publish(seq);
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(consumer.isAlive()).isFalse();
        assertThat(got.get()).isZero();
        assertThat(ring.get(0)[0]).isEqualTo(42);
    }

    @Test
    void anAlertWakesAParkedConsumer() throws Exception {
        RingBuffer<long[]> ring = ring(new ParkingWaitStrategy(0, HOUR));
        SequenceBarrier barrier = ring.newBarrier();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread consumer = new Thread(() -> {
            try {
                barrier.waitFor(0);
            } catch (Exception e) {
                thrown.set(e);
            }
        });
        consumer.start();
        awaitParked(consumer);
        barrier.alert();
        consumer.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(consumer.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(AlertException.class);
    }

    /** Ping-pong over two rings: each side parks just as the other publishes, the race a lost wake-up needs. */
    @Test
    void noWakeUpIsLostInManyHandOffs() throws Exception {
        int rounds = 5_000;
        RingBuffer<long[]> ping = ring(new ParkingWaitStrategy(0, HOUR));
        RingBuffer<long[]> pong = ring(new ParkingWaitStrategy(0, HOUR));
        SequenceBarrier pingBarrier = ping.newBarrier();
        SequenceBarrier pongBarrier = pong.newBarrier();
        AtomicLong echoed = new AtomicLong();
        Thread echo = new Thread(() -> {
            try {
                for (long i = 0; i < rounds; i++) {
                    awaitPublished(pingBarrier, i);
                    long seq = pong.next();
                    pong.get(seq)[0] = ping.get(i)[0];
                    pong.publish(seq);
                    echoed.incrementAndGet();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        echo.setDaemon(true);
        echo.start();
        AtomicLong sum = new AtomicLong();
        Thread driver = new Thread(() -> {
            try {
                for (long i = 0; i < rounds; i++) {
                    long seq = ping.next();
                    ping.get(seq)[0] = i;
                    ping.publish(seq);
                    awaitPublished(pongBarrier, i);
                    sum.addAndGet(pong.get(i)[0]);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        driver.setDaemon(true);
        driver.start();
        driver.join(TimeUnit.SECONDS.toMillis(120));
        assertThat(driver.isAlive()).as("a wake-up was lost after %d hand-offs", echoed.get()).isFalse();
        echo.join(TimeUnit.SECONDS.toMillis(10)); // it counts its last hand-off after publishing it
        assertThat(echoed.get()).isEqualTo(rounds);
        assertThat(sum.get()).isEqualTo((long) rounds * (rounds - 1) / 2);
    }

    /**
     * A multi-producer barrier may return less than asked for: a slot claimed (the cursor moved) but not yet
     * published. Disruptor's own processors ask again, as this does.
     */
    private static void awaitPublished(SequenceBarrier barrier, long sequence) throws Exception {
        while (barrier.waitFor(sequence) < sequence) {
            Thread.onSpinWait();
        }
    }
}
