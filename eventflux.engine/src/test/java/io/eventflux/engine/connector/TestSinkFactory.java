package io.eventflux.engine.connector;

import io.eventflux.api.Event;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that fails on purpose: its first {@code startFailures} starts, {@code publishFailures} publishes
 * and {@code flushFailures} flushes throw. It buffers in publish and delivers in flush, as network sinks
 * do, so what {@link #delivered} holds was flushed. A closed {@link #gate} holds every publish (a slow
 * sink).
 */
final class TestSinkFactory implements SinkFactory {
    final AtomicInteger startFailures = new AtomicInteger();
    final AtomicInteger publishFailures = new AtomicInteger();
    final AtomicInteger flushFailures = new AtomicInteger();
    final AtomicInteger starts = new AtomicInteger();
    final List<Object> delivered = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    /** Publish calls entered (before the gate). */
    final AtomicInteger entered = new AtomicInteger();
    volatile CountDownLatch gate = new CountDownLatch(0);

    @Override
    public Sink create(ConnectorSpec spec) {
        return new Sink() {
            private final List<Object> buffer = new ArrayList<>();

            @Override
            public void start() {
                starts.incrementAndGet();
                if (startFailures.getAndDecrement() > 0) {
                    throw new IllegalStateException("connection refused (test)");
                }
            }

            @Override
            public void publish(Object payload, Event event) throws Exception {
                entered.incrementAndGet();
                if (!gate.await(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
                if (publishFailures.getAndDecrement() > 0) {
                    throw new java.io.IOException("publish refused (test)");
                }
                threads.add(Thread.currentThread().getName());
                buffer.add(payload instanceof Event e ? java.util.Arrays.asList(e.data()) : payload);
            }

            @Override
            public void flush() throws Exception {
                if (flushFailures.getAndDecrement() > 0) {
                    buffer.clear();
                    throw new java.io.IOException("flush refused (test)");
                }
                delivered.addAll(buffer);
                buffer.clear();
            }

            @Override
            public void stop() {
            }
        };
    }
}
