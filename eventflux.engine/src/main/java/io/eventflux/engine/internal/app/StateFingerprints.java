package io.eventflux.engine.internal.app;

import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TriggerPlan;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * SHA-256 fingerprints of what shapes an app's state. The whole app's (stream schemas, queries, tables,
 * partitions, triggers) guards a restore of a revision into a running app; one per unit (each query,
 * partition, table, trigger and source, named as the state keys start: {@code query-1},
 * {@code table/T}, {@code trigger/T}, {@code source/S}) lets a changed version of the app take back the
 * state of the units that did not change. A unit's text leaves out source positions, so moving a query
 * in the file keeps its state; plans are records of lists, so their text is stable across JVMs.
 */
final class StateFingerprints {
    private static final Pattern POSITION = Pattern.compile("line \\d+, column \\d+");

    private StateFingerprints() {
    }

    /** The whole app's fingerprint (what format 1 stored; unchanged). */
    static String app(AppPlan plan) {
        StringBuilder b = new StringBuilder();
        for (StreamDef s : plan.streams()) {
            b.append(s.schema()).append('\n');
        }
        b.append(plan.queries()).append('\n');
        for (TableDef t : plan.tables()) {
            b.append(t.schema()).append(t.primaryKey()).append(t.indexes()).append('\n');
        }
        b.append(plan.tableWrites()).append('\n').append(plan.partitions()).append('\n').append(plan.triggers());
        return sha256(b.toString());
    }

    /** Each unit's fingerprint, by the name its state keys start with. */
    static Map<String, String> units(AppPlan plan) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QueryPlan q : plan.queries()) {
            out.put(q.name(), unit("query", q.toString()));
        }
        for (PartitionPlan p : plan.partitions()) {
            out.put(p.name(), unit("partition", p.toString()));
        }
        for (TableDef t : plan.tables()) {
            out.put("table/" + t.name(), unit("table", t.schema() + "|" + t.primaryKey() + "|" + t.indexes()));
        }
        for (TriggerPlan t : plan.triggers()) {
            out.put("trigger/" + t.name(), unit("trigger", t.toString()));
        }
        for (StreamDef s : plan.streams()) {
            out.put("source/" + s.name(), unit("source", s.schema().toString()));
        }
        String eventTime = eventTimeShape(plan);
        if (!eventTime.isEmpty()) {
            out.put("eventtime", unit("eventtime", eventTime));
        }
        return out;
    }

    /**
     * What shapes the event-time buffer (state key {@code eventtime}): each event-timed stream's schema and
     * event-time keys as the SQL writes them. Keys a configuration file adds are not seen: such a buffer has
     * no unit and does not survive a change of the app.
     */
    private static String eventTimeShape(AppPlan plan) {
        StringBuilder b = new StringBuilder();
        for (StreamDef s : plan.streams()) {
            java.util.TreeMap<String, String> keys = new java.util.TreeMap<>();
            s.options().forEach((k, v) -> {
                String key = k.toLowerCase(java.util.Locale.ROOT);
                if (key.equals("event.time") || key.startsWith("watermark.") || key.equals("late.events.stream")) {
                    keys.put(key, v.trim());
                }
            });
            if (keys.containsKey("event.time")) {
                b.append(s.schema()).append(keys).append('\n');
            }
        }
        return b.toString();
    }

    private static String unit(String kind, String text) {
        return sha256(kind + ":" + POSITION.matcher(text).replaceAll(""));
    }

    /** The unit a state key belongs to (the longest unit name it starts with), or null. */
    static String owner(String key, Iterable<String> units) {
        String best = null;
        for (String u : units) {
            boolean match = key.equals(u) || key.startsWith(u + "/") || key.startsWith(u + "#");
            if (match && (best == null || u.length() > best.length())) {
                best = u;
            }
        }
        return best;
    }

    static String sha256(String text) {
        return HexFormat.of().formatHex(digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every JVM has SHA-256
        }
    }
}
