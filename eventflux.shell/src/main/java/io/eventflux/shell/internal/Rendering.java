package io.eventflux.shell.internal;

import io.eventflux.api.Attribute;
import io.eventflux.api.Event;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.QueryResult;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.QueryStatus;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.SnapshotInfo;
import io.eventflux.api.management.StreamStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How the management records read at a terminal. {@link #render(Object)} answers null for what it does
 * not know, so that Gogo formats it its own way.
 */
final class Rendering {
    private Rendering() {
    }

    /** The text of a management record, a list of them, a query result or traced events; else null. */
    static String render(Object value) {
        if (value instanceof AppSummary s) {
            return apps(List.of(s));
        }
        if (value instanceof AppStatus s) {
            return status(s);
        }
        if (value instanceof AppStats s) {
            return stats(List.of(s));
        }
        if (value instanceof RuntimeStats s) {
            return runtimeStats(s);
        }
        if (value instanceof SnapshotInfo s) {
            return snapshots(List.of(s));
        }
        if (value instanceof QueryResult r) {
            return queryResult(r);
        }
        if (value instanceof List<?> list && !list.isEmpty()) {
            Object first = list.get(0);
            if (list.stream().allMatch(first.getClass()::isInstance)) {
                if (first instanceof AppSummary) {
                    return apps(cast(list));
                }
                if (first instanceof AppStats) {
                    return stats(cast(list));
                }
                if (first instanceof SnapshotInfo) {
                    return snapshots(cast(list));
                }
                if (first instanceof ExtensionInfo) {
                    return extensions(cast(list));
                }
                if (first instanceof Event) {
                    return events(cast(list));
                }
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(List<?> list) {
        return (List<T>) list;
    }

    static String apps(List<AppSummary> apps) {
        if (apps.isEmpty()) {
            return "no apps deployed\n";
        }
        TextTable t = new TextTable("APP", "STATE", "UPTIME", "RESTARTS", "DETAIL");
        for (AppSummary a : apps) {
            t.row(a.name(), a.state(), uptime(a.uptimeMillis()), a.restarts(), detail(a));
        }
        return t.toString();
    }

    private static String detail(AppSummary a) {
        if (!a.waitingFor().isEmpty()) {
            return "waiting for " + String.join(", ", a.waitingFor().stream().sorted().toList());
        }
        if (a.error() == null && a.restored() != null) {
            return "state from revision " + a.restored().revision() + ": kept " + a.restored().kept().size()
                    + (a.restored().startedEmpty().isEmpty() ? "" : ", started empty: "
                            + String.join(", ", a.restored().startedEmpty()));
        }
        return a.error() == null ? "" : firstLine(a.error());
    }

    static String status(AppStatus s) {
        AppSummary a = s.summary();
        StringBuilder sb = new StringBuilder();
        sb.append("app ").append(a.name()).append(": ").append(a.state());
        if (a.uptimeMillis() > 0) {
            sb.append(", up ").append(uptime(a.uptimeMillis()));
        }
        if (a.restarts() > 0) {
            sb.append(", restarted ").append(a.restarts()).append(a.restarts() == 1 ? " time" : " times");
        }
        sb.append('\n');
        if (!a.waitingFor().isEmpty()) {
            sb.append("waiting for: ").append(String.join(", ", a.waitingFor().stream().sorted().toList())).append('\n');
        }
        if (a.error() != null) {
            sb.append("error: ").append(a.error()).append('\n');
        }
        if (a.restored() != null) {
            sb.append("state from revision ").append(a.restored().revision()).append(": kept ")
                    .append(String.join(", ", a.restored().kept())).append("; started empty: ")
                    .append(a.restored().startedEmpty().isEmpty() ? "none" : String.join(", ", a.restored().startedEmpty()))
                    .append('\n');
        }
        if (!s.streams().isEmpty()) {
            TextTable t = new TextTable("STREAM", "ROLE", "CONNECTOR", "EVENTS", "DROPPED", "ERRORS", "DLQ", "LATE");
            for (StreamStatus st : s.streams()) {
                t.row(st.name(), st.input() ? "in" : st.output() ? "out" : "", st.connector(), st.events(), st.dropped(),
                        st.errors(), st.deadLettered(), st.late());
            }
            sb.append('\n').append(t);
        }
        if (!s.queries().isEmpty()) {
            TextTable t = new TextTable("QUERY", "FROM", "INTO", "CHUNKS", "MEAN/CHUNK");
            for (QueryStatus q : s.queries()) {
                t.row(q.name(), String.join(", ", q.inputs()), q.output(),
                        q.latency() == null ? "" : q.latency().chunks(), q.latency() == null ? "" : millis(q.latency().meanNanos()));
            }
            sb.append('\n').append(t);
        }
        if (!s.snapshots().isEmpty()) {
            sb.append('\n').append(snapshots(s.snapshots()));
        }
        return sb.toString();
    }

    /** A duration in nanoseconds as milliseconds with three decimals ({@code 0.013 ms}). */
    static String millis(double nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1_000_000);
    }

    static String stats(List<AppStats> stats) {
        if (stats.isEmpty()) {
            return "no apps deployed\n";
        }
        TextTable t = new TextTable("APP", "STATE", "UPTIME", "IN", "OUT", "DROPPED", "ERRORS", "LATE", "RING", "RESTARTS");
        for (AppStats s : stats) {
            t.row(s.app(), s.state(), uptime(s.uptimeMillis()), s.eventsIn(), s.eventsOut(), s.dropped(), s.errors(),
                    s.late(), s.ringCapacity() == 0 ? "inline" : s.ringBacklog() + "/" + s.ringCapacity(), s.restarts());
        }
        return t.toString();
    }

    static String runtimeStats(RuntimeStats s) {
        StringBuilder sb = new StringBuilder();
        sb.append("apps: ").append(s.running()).append(" running, ").append(s.waiting()).append(" waiting, ")
                .append(s.failed()).append(" failed, ").append(s.stopped()).append(" stopped; extensions: ")
                .append(s.extensions()).append("; heap: ").append(s.heapUsedBytes() / (1024 * 1024)).append(" MB used");
        if (s.heapMaxBytes() > 0) {
            sb.append(" of ").append(s.heapMaxBytes() / (1024 * 1024)).append(" MB");
        }
        sb.append('\n');
        if (!s.apps().isEmpty()) {
            sb.append('\n').append(stats(s.apps()));
        }
        return sb.toString();
    }

    static String snapshots(List<SnapshotInfo> snapshots) {
        TextTable t = new TextTable("APP", "REVISION", "TAKEN", "PARTS", "BASE", "BYTES", "WHERE");
        for (SnapshotInfo s : snapshots) {
            t.row(s.app(), s.revision(), Instant.ofEpochMilli(s.takenAt()), s.parts(), s.base() == null ? "full" : s.base(),
                    s.bytes(), s.stored() ? "store" : "memory");
        }
        return t.toString();
    }

    static String extensions(List<ExtensionInfo> extensions) {
        StringBuilder sb = new StringBuilder();
        TextTable t = new TextTable("TYPE", "NAME", "PROVIDER", "DESCRIPTION");
        for (ExtensionInfo e : extensions) {
            String name = e.aliases().isEmpty() ? e.name() : e.name() + " (" + String.join(", ", e.aliases()) + ")";
            t.row(e.type(), name, e.provider(), e.description());
        }
        sb.append(t);
        boolean any = extensions.stream().anyMatch(e -> !e.parameters().isEmpty());
        if (any) {
            sb.append("\nPARAMETERS\n");
            for (ExtensionInfo e : extensions) {
                if (!e.parameters().isEmpty()) {
                    sb.append(e.type()).append(' ').append(e.name()).append('\n');
                    for (String p : e.parameters()) {
                        sb.append("  ").append(p).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    static String queryResult(QueryResult r) {
        List<Attribute> columns = r.schema().attributes();
        TextTable t = new TextTable(columns.stream().map(Attribute::name).toArray(String[]::new));
        for (Object[] row : r.rows()) {
            t.row(Arrays.stream(row).map(v -> v == null ? "null" : v).toArray());
        }
        return t + "(" + r.rows().size() + (r.rows().size() == 1 ? " row)\n" : " rows)\n");
    }

    static String events(List<Event> events) {
        StringBuilder sb = new StringBuilder();
        for (Event e : events) {
            sb.append(e.timestamp()).append(e.isExpired() ? " expired " : " ").append(Arrays.toString(e.data())).append('\n');
        }
        return sb.toString();
    }

    private static String uptime(long millis) {
        if (millis <= 0) {
            return "-";
        }
        Duration d = Duration.ofMillis(millis);
        if (d.toHours() > 0) {
            return d.toHours() + "h" + d.toMinutesPart() + "m";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + "m" + d.toSecondsPart() + "s";
        }
        return d.toSeconds() + "s";
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl) + " ...";
    }
}
