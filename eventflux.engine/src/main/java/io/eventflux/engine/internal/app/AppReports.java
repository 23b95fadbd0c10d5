package io.eventflux.engine.internal.app;

import io.eventflux.api.AppState;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.QueryStatus;
import io.eventflux.api.management.StreamStatus;
import io.eventflux.engine.internal.io.StreamCounters;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.InputPlan;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamInput;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The management records of one app, read from its handle and current run (any thread). */
public final class AppReports {
    private final AppRuntimeImpl app;

    public AppReports(AppRuntimeImpl app) {
        this.app = app;
    }

    public AppSummary summary() {
        return new AppSummary(app.name(), app.state(), app.waitingFor(), app.errorMessage(), app.uptimeMillis(),
                app.restarts(), app.restored());
    }

    public AppStatus status() {
        return new AppStatus(summary(), streams(), queries(), app.snapshots().list());
    }

    public AppStats stats() {
        AppInstance run = app.currentRun();
        long in = 0;
        long out = 0;
        long dropped = 0;
        long errors = 0;
        long late = 0;
        for (StreamStatus s : streams()) {
            if (s.input()) {
                in += s.events();
            }
            if (s.output()) {
                out += s.events();
            }
            dropped += s.dropped();
            errors += s.errors();
            late += s.late();
        }
        return new AppStats(app.name(), app.state(), app.uptimeMillis(), in, out, dropped, errors,
                run == null ? 0 : run.ringCapacity(), run == null ? 0 : run.ringBacklog(), app.restarts(), late);
    }

    private List<StreamStatus> streams() {
        AppInstance run = app.currentRun();
        AppPlan plan = app.plan();
        if (plan == null) {
            return List.of();
        }
        List<String> outputs = outputs(plan);
        List<StreamStatus> out = new ArrayList<>();
        for (StreamSchema s : app.streams()) {
            String name = s.name();
            boolean output = outputs.contains(name);
            if (run == null) {
                out.add(new StreamStatus(name, !output, output, null, 0, 0, 0, 0));
                continue;
            }
            String connector = run.connector(name);
            long errors = 0;
            long dead = 0;
            if (connector != null) {
                StreamCounters c = run.connectorCounters(name);
                errors = c.errors();
                dead = c.deadLettered();
            }
            out.add(new StreamStatus(name, !output, output, connector, run.events(name), run.droppedCount(name),
                    errors, dead, run.lateCount(name)));
        }
        return out;
    }

    private List<QueryStatus> queries() {
        AppPlan plan = app.plan();
        if (plan == null) {
            return List.of();
        }
        AppInstance run = app.currentRun();
        return allQueries(plan).map(q -> new QueryStatus(q.name(), inputs(q.input()), q.output().target(),
                run == null ? null : run.latency(q.name()))).toList();
    }

    private static Stream<QueryPlan> allQueries(AppPlan plan) {
        return Stream.concat(plan.queries().stream(), plan.partitions().stream().flatMap(p -> p.queries().stream()));
    }

    private static List<String> outputs(AppPlan plan) {
        return allQueries(plan).map(q -> q.output().target()).distinct().toList();
    }

    private static List<String> inputs(InputPlan input) {
        if (input instanceof StreamInput s) {
            return List.of(s.stream().name());
        }
        if (input instanceof JoinInput j) {
            return j.inputs().stream().map(i -> i.schema().name()).distinct().toList();
        }
        return ((PatternInput) input).elements().stream().map(e -> e.stream().name()).distinct().toList();
    }

    /** Whether an app counts as up for readiness (running, or stopped on purpose). */
    public boolean ready() {
        AppState s = app.state();
        return s == AppState.RUNNING || s == AppState.STOPPED;
    }
}
