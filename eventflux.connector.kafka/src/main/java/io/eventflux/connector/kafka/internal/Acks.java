package io.eventflux.connector.kafka.internal;

import java.util.concurrent.TimeUnit;

/**
 * Counts a sink's sends whose callback has not run yet, and waits for them with a bound. {@code
 * producer.flush()} alone is not enough with kafka-clients 4.1.1: a batch the broker refuses as too large
 * for the topic ({@code max.message.bytes}) is split and sent again without end, its records never
 * complete, and {@code flush()} returns early (KAFKA-19479); waiting on the records' futures instead
 * overflows the stack (each split chains another future). Callbacks run once per record in any case.
 */
final class Acks {
    private final long timeoutMillis;
    private long pending;

    /** @param timeoutMillis the longest wait (the producer's delivery timeout and a margin) */
    Acks(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** The bound from the producer's {@code delivery.timeout.ms} (default 120 s) plus 5 s. */
    static long timeoutFor(KafkaOptions options) {
        Object v = options.client().get("delivery.timeout.ms");
        try {
            return (v == null ? 120_000 : Long.parseLong(String.valueOf(v).trim())) + 5_000;
        } catch (NumberFormatException e) {
            return 125_000; // the client refuses the value itself when it starts
        }
    }

    /** Before a send. */
    synchronized void sending() {
        pending++;
    }

    /** From the send's callback, or when the send threw (no callback then). */
    synchronized void done() {
        if (pending > 0 && --pending == 0) {
            notifyAll();
        }
    }

    /** Forgets them all (their producer is closed). */
    synchronized void clear() {
        pending = 0;
        notifyAll();
    }

    /**
     * Waits until every send completed.
     *
     * @return null, or what did not complete in time
     */
    synchronized String await() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (pending > 0) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return pending + " record(s) not acknowledged within " + timeoutMillis + " ms (a record larger than "
                        + "the topic's max.message.bytes makes kafka-clients retry it without end)";
            }
            wait(left);
        }
        return null;
    }
}
