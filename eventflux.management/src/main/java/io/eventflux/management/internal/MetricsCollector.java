package io.eventflux.management.internal;

import io.eventflux.api.AppState;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.QueryLatency;
import io.eventflux.api.management.QueryStatus;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.StreamStatus;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.util.function.IntSupplier;

/**
 * The runtime's numbers as Prometheus metrics, read from {@link EventFluxManagement} at every scrape
 * (nothing is counted twice: the engine's counters are the source). Counters restart at zero when an
 * app is rebuilt, which Prometheus' {@code rate()} treats as a counter reset.
 */
final class MetricsCollector implements MultiCollector {
    private final EventFluxManagement management;
    private final IntSupplier deployProblems;

    MetricsCollector(EventFluxManagement management, IntSupplier deployProblems) {
        this.management = management;
        this.deployProblems = deployProblems;
    }

    @Override
    public MetricSnapshots collect() {
        RuntimeStats stats = management.stats();
        GaugeSnapshot.Builder state = GaugeSnapshot.builder().name("eventflux_app_state")
                .help("1 for the app's current lifecycle state (WAITING, RUNNING, STOPPED, FAILED), 0 for the others");
        GaugeSnapshot.Builder uptime = GaugeSnapshot.builder().name("eventflux_app_uptime_seconds")
                .help("How long the app's current run has been RUNNING");
        CounterSnapshot.Builder appIn = counter("eventflux_app_events_in", "Events that entered the app's input streams");
        CounterSnapshot.Builder appOut = counter("eventflux_app_events_out", "Events the app's queries inserted into output streams");
        CounterSnapshot.Builder appDropped = counter("eventflux_app_dropped_events", "Events dropped on backpressure");
        CounterSnapshot.Builder appErrors = counter("eventflux_app_errors", "Connector events that failed (mapping, type, publishing)");
        CounterSnapshot.Builder appLate = counter("eventflux_app_late_events",
                "Late events of the app's event-timed streams (behind their watermark)");
        CounterSnapshot.Builder restarts = counter("eventflux_app_restarts", "Times the app was rebuilt after extension changes");
        GaugeSnapshot.Builder ringCapacity = GaugeSnapshot.builder().name("eventflux_app_ring_capacity")
                .help("Capacity of the app's ring buffer (0 in inline mode or when not running)");
        GaugeSnapshot.Builder ringBacklog = GaugeSnapshot.builder().name("eventflux_app_ring_backlog")
                .help("Events accepted into the app's ring buffer and not yet processed");
        GaugeSnapshot.Builder ringFill = GaugeSnapshot.builder().name("eventflux_app_ring_fill_ratio")
                .help("Ring buffer backlog / capacity (0 when there is no ring)");
        CounterSnapshot.Builder streamEvents = counter("eventflux_stream_events", "Events that went through a stream");
        CounterSnapshot.Builder streamDropped = counter("eventflux_stream_dropped_events", "Events of a stream dropped on backpressure");
        CounterSnapshot.Builder streamErrors = counter("eventflux_stream_errors", "Events of a stream's connector that failed");
        CounterSnapshot.Builder streamDeadLettered = counter("eventflux_stream_dead_lettered_events",
                "Failed events of a stream sent to its dead-letter stream");
        CounterSnapshot.Builder streamLate = counter("eventflux_stream_late_events",
                "Late events of an event-timed stream (behind its watermark)");
        HistogramSnapshot.Builder queryLatency = HistogramSnapshot.builder().name("eventflux_query_latency_seconds")
                .help("Time a query took to process one chunk of events (including what its output runs synchronously);"
                        + " one chunk in eventflux_query_latency_sample_every is timed");
        CounterSnapshot.Builder queryChunks = counter("eventflux_query_chunks", "Chunks of events a query processed (every one, timed or not)");
        GaugeSnapshot.Builder querySample = GaugeSnapshot.builder().name("eventflux_query_latency_sample_every")
                .help("One chunk in this many is timed into eventflux_query_latency_seconds (@app:metrics(latency = ...))");
        for (AppStats app : stats.apps()) {
            Labels labels = Labels.of("app", app.app());
            for (AppState s : AppState.values()) {
                state.dataPoint(gauge(Labels.of("app", app.app(), "state", s.name()), app.state() == s ? 1 : 0));
            }
            uptime.dataPoint(gauge(labels, app.uptimeMillis() / 1000.0));
            appIn.dataPoint(count(labels, app.eventsIn()));
            appOut.dataPoint(count(labels, app.eventsOut()));
            appDropped.dataPoint(count(labels, app.dropped()));
            appErrors.dataPoint(count(labels, app.errors()));
            appLate.dataPoint(count(labels, app.late()));
            restarts.dataPoint(count(labels, app.restarts()));
            ringCapacity.dataPoint(gauge(labels, app.ringCapacity()));
            ringBacklog.dataPoint(gauge(labels, app.ringBacklog()));
            ringFill.dataPoint(gauge(labels, app.ringCapacity() == 0 ? 0 : (double) app.ringBacklog() / app.ringCapacity()));
            AppStatus status = status(app.app());
            for (QueryStatus query : status == null ? java.util.List.<QueryStatus>of() : status.queries()) {
                if (query.latency() != null) {
                    Labels queryLabels = Labels.of("app", app.app(), "query", query.name());
                    queryLatency.dataPoint(histogram(queryLabels, query.latency()));
                    queryChunks.dataPoint(count(queryLabels, query.latency().chunks()));
                    querySample.dataPoint(gauge(queryLabels, query.latency().sampleEvery()));
                }
            }
            for (StreamStatus stream : status == null ? java.util.List.<StreamStatus>of() : status.streams()) {
                Labels streamLabels = Labels.of("app", app.app(), "direction", direction(stream), "stream", stream.name());
                streamEvents.dataPoint(count(streamLabels, stream.events()));
                streamDropped.dataPoint(count(streamLabels, stream.dropped()));
                streamErrors.dataPoint(count(streamLabels, stream.errors()));
                streamDeadLettered.dataPoint(count(streamLabels, stream.deadLettered()));
                streamLate.dataPoint(count(streamLabels, stream.late()));
            }
        }
        GaugeSnapshot apps = GaugeSnapshot.builder().name("eventflux_apps").help("Deployed apps by state")
                .dataPoint(gauge(Labels.of("state", "RUNNING"), stats.running()))
                .dataPoint(gauge(Labels.of("state", "WAITING"), stats.waiting()))
                .dataPoint(gauge(Labels.of("state", "FAILED"), stats.failed()))
                .dataPoint(gauge(Labels.of("state", "STOPPED"), stats.stopped())).build();
        GaugeSnapshot extensions = GaugeSnapshot.builder().name("eventflux_extensions").help("Extensions available")
                .dataPoint(gauge(Labels.EMPTY, stats.extensions())).build();
        GaugeSnapshot problems = GaugeSnapshot.builder().name("eventflux_deploy_folder_problems")
                .help("*.sql files of the deploy folder whose current content is not deployed (compile errors)")
                .dataPoint(gauge(Labels.EMPTY, deployProblems.getAsInt())).build();
        GaugeSnapshot heap = GaugeSnapshot.builder().name("eventflux_jvm_heap_used_bytes").help("JVM heap in use")
                .dataPoint(gauge(Labels.EMPTY, stats.heapUsedBytes())).build();
        return MetricSnapshots.of(apps, extensions, problems, heap, state.build(), uptime.build(), appIn.build(),
                appOut.build(), appDropped.build(), appErrors.build(), appLate.build(), restarts.build(),
                ringCapacity.build(), ringBacklog.build(), ringFill.build(), streamEvents.build(), streamDropped.build(),
                streamErrors.build(), streamDeadLettered.build(), streamLate.build(), queryLatency.build(), queryChunks.build(), querySample.build());
    }

    /** An app undeployed between stats() and status() has no status any more: null. */
    private AppStatus status(String app) {
        try {
            return management.status(app);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The engine's cumulative buckets (nanoseconds) as Prometheus' per-bucket counts in seconds, with +Inf. */
    static HistogramDataPointSnapshot histogram(Labels labels, QueryLatency latency) {
        int n = latency.upperBoundsNanos().size();
        double[] upper = new double[n + 1];
        long[] counts = new long[n + 1];
        long below = 0;
        for (int i = 0; i < n; i++) {
            upper[i] = latency.upperBoundsNanos().get(i) / 1e9;
            long cumulative = latency.cumulativeCounts().get(i);
            counts[i] = cumulative - below;
            below = cumulative;
        }
        upper[n] = Double.POSITIVE_INFINITY;
        counts[n] = latency.count() - below;
        return HistogramDataPointSnapshot.builder().labels(labels)
                .classicHistogramBuckets(ClassicHistogramBuckets.of(upper, counts))
                .sum(latency.sumNanos() / 1e9).build();
    }

    private static String direction(StreamStatus stream) {
        return stream.input() ? "in" : stream.output() ? "out" : "internal";
    }

    private static CounterSnapshot.Builder counter(String name, String help) {
        return CounterSnapshot.builder().name(name).help(help);
    }

    private static CounterDataPointSnapshot count(Labels labels, long value) {
        return CounterDataPointSnapshot.builder().labels(labels).value(value).build();
    }

    private static GaugeDataPointSnapshot gauge(Labels labels, double value) {
        return GaugeDataPointSnapshot.builder().labels(labels).value(value).build();
    }
}
