package io.eventflux.engine.connector;

import io.eventflux.api.Event;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.SnapshotParticipant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A sink that makes results final only at snapshots, as a transactional sink does: what it gets between
 * two snapshots is staged and becomes {@link #committed} (with the revision) in {@link
 * SnapshotParticipant#commit}; a stop discards what is staged. The factory outlives runtimes, as a broker
 * outlives the app's process; {@link #failCommits} makes commits fail (a crash after the save).
 */
final class StagingSinkFactory implements SinkFactory {
    final List<Object> committed = new CopyOnWriteArrayList<>();
    /** Every publish, staged or not (what the app produced). */
    final List<Object> published = new CopyOnWriteArrayList<>();
    final List<String> revisions = new CopyOnWriteArrayList<>();
    final List<String> commitThreads = new CopyOnWriteArrayList<>();
    final AtomicInteger failCommits = new AtomicInteger();
    final AtomicInteger stops = new AtomicInteger();

    @Override
    public Sink create(ConnectorSpec spec) {
        return new Staging();
    }

    private final class Staging implements Sink, SnapshotParticipant {
        private final List<Object> staged = new ArrayList<>();

        @Override
        public boolean needsSnapshots() {
            return true;
        }

        @Override
        public String enlist() {
            return revisions.isEmpty() ? NONE : revisions.get(revisions.size() - 1);
        }

        @Override
        public void commit(String revision) throws Exception {
            if (failCommits.getAndDecrement() > 0) {
                staged.clear();
                throw new java.io.IOException("commit refused (test)");
            }
            commitThreads.add(Thread.currentThread().getName());
            committed.addAll(staged);
            staged.clear();
            revisions.add(revision);
        }

        @Override
        public void start() {
        }

        @Override
        public void publish(Object payload, Event event) {
            staged.add(Arrays.asList(event.data()));
            published.add(Arrays.asList(event.data()));
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
            staged.clear();
        }
    }
}
