package io.eventflux.engine.internal.aggregation;

import io.eventflux.api.Event;
import io.eventflux.api.aggregator.Aggregator;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Stateful;
import io.eventflux.api.store.TableStore;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.sql.plan.AggregateCall;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.TypedExpr;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One incremental aggregation (SQL.md 6) on the app's writer thread: each event of the source stream updates,
 * at every granularity, the state of its key in the bucket holding its time (the {@code AGGREGATE BY}
 * attribute or the event's timestamp). Events may arrive out of order: any bucket still within retention is
 * updated. Reads list one row per bucket and key, oldest bucket first, keys in value order.
 */
public final class AggregationRuntime implements ChunkReceiver, Stateful {
    private static final System.Logger LOG = System.getLogger(AggregationRuntime.class.getName());

    private final String app;
    private final AggregationDef def;
    private final ZoneId zone;
    private final EvalContext in = new EvalContext();
    private final Expr filter;
    private final Expr timestamp;
    private final Expr[] keys;
    private final Expr[] arguments;
    private final Incremental[] fns;
    private final int[] offsets;
    private final int width;
    private final Buckets[] levels;
    private final Map<String, Integer> levelIndex = new HashMap<>();
    private final int[] keyAttributes;
    private final EvalContext out = new EvalContext();
    private final Expr[] columns;
    private final AggregationStore store;
    private final AtomicLong late = new AtomicLong();
    private final Object[] values;
    private Object[] current;

    /** @param store where the buckets are kept across restarts, or null (memory and snapshots only) */
    public AggregationRuntime(String app, AggregationDef def, Clock clock, TableStore store) {
        this.app = app;
        this.def = def;
        this.zone = ZoneId.of(AggregationOptions.value(def.options(), "timezone", "UTC"));
        ExprCompiler compiler = new ExprCompiler(clock, in);
        this.filter = def.filter() == null ? null : compiler.compile(def.filter());
        this.timestamp = def.timestamp() == null ? null : compiler.compile(def.timestamp());
        this.keys = def.groupBy().stream().map(compiler::compile).toArray(Expr[]::new);
        List<AggregateCall> calls = def.aggregates();
        this.arguments = new Expr[calls.size()];
        this.fns = new Incremental[calls.size()];
        this.offsets = new int[calls.size()];
        int w = 0;
        for (int i = 0; i < calls.size(); i++) {
            AggregateCall c = calls.get(i);
            arguments[i] = c.argument() == null ? null : compiler.compile(c.argument());
            fns[i] = Incremental.of(c.name(), c.argument() == null ? null : c.argument().type());
            offsets[i] = w;
            w += fns[i].width();
            if (store != null && fns[i] == Incremental.DISTINCT_COUNT) {
                throw new IllegalArgumentException("aggregation " + def.name() + ": distinctCount cannot be kept in "
                        + "a table store; keep this aggregation in memory (no 'store' option)");
            }
        }
        this.width = w;
        this.values = new Object[calls.size()];
        this.levels = new Buckets[def.granularities().size()];
        String[] names = new String[levels.length];
        for (int i = 0; i < levels.length; i++) {
            String g = def.granularities().get(i);
            levels[i] = new Buckets(new Granularity(g, zone), AggregationOptions.retention(def.options(), g));
            levelIndex.put(g, i);
            names[i] = g;
        }
        this.keyAttributes = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keyAttributes[i] = def.groupBy().get(i) instanceof TypedExpr.AttributeRef a ? a.index() : -1;
        }
        ExprCompiler outCompiler = new ExprCompiler(clock, out);
        this.columns = def.columns().stream().map(c -> outCompiler.compile(c.expression())).toArray(Expr[]::new);
        Aggregator[] views = new Aggregator[calls.size()];
        for (int i = 0; i < views.length; i++) {
            views[i] = new View(fns[i], offsets[i]);
        }
        out.aggregates = views;
        this.store = store == null ? null : new AggregationStore(store, names, width);
        if (this.store != null) {
            List<Map<Long, HashMap<GroupKey, Object[]>>> history = this.store.load();
            for (int i = 0; i < levels.length; i++) {
                Map<Long, HashMap<GroupKey, Object[]>> h = history.get(i);
                long newest = h.isEmpty() ? Long.MIN_VALUE : ((TreeMap<Long, ?>) h).lastKey();
                levels[i].load(newest, h);
            }
        }
    }

    public String name() {
        return def.name();
    }

    public AggregationDef definition() {
        return def;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Values that arrived for a bucket already out of retention (counted once per granularity). */
    public long lateCount() {
        return late.get();
    }

    /** How many (bucket, key) cells each granularity holds, by name. */
    public Map<String, Long> cells() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (Buckets b : levels) {
            m.put(b.granularity().name(), b.cells());
        }
        return m;
    }

    @Override
    public void process(EventChunk chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            Event e = chunk.get(i);
            if (!e.isExpired()) {
                add(e);
            }
        }
        if (store != null) {
            long[] horizons = new long[levels.length];
            for (int i = 0; i < levels.length; i++) {
                horizons[i] = levels[i].horizon();
            }
            store.flush(horizons);
        }
    }

    private void add(Event e) {
        in.bind(e.data(), e.timestamp());
        if (filter != null && !filter.evalBool(in)) {
            return;
        }
        long ts;
        if (timestamp == null) {
            ts = e.timestamp();
        } else {
            Object t = timestamp.eval(in);
            if (t == null) {
                LOG.log(System.Logger.Level.WARNING, "app '" + app + "': aggregation " + def.name() + " skips an "
                        + "event whose AGGREGATE BY attribute is NULL: " + java.util.Arrays.toString(e.data()));
                return;
            }
            ts = ((Number) t).longValue();
        }
        Object[] k = new Object[keys.length];
        for (int i = 0; i < keys.length; i++) {
            k[i] = keys[i].eval(in);
        }
        GroupKey key = new GroupKey(k);
        for (int i = 0; i < values.length; i++) {
            values[i] = arguments[i] == null ? Boolean.TRUE : fns[i].prepare(arguments[i].eval(in));
        }
        for (int level = 0; level < levels.length; level++) {
            Buckets b = levels[level];
            long start = b.granularity().start(ts);
            Object[] cell = b.cell(start, key, width);
            if (cell == null) {
                late.incrementAndGet();
                continue;
            }
            for (int i = 0; i < fns.length; i++) {
                fns[i].add(cell, offsets[i], values[i]);
            }
            if (store != null) {
                store.changed(level, start, key, cell);
            }
        }
    }

    /** Whether {@code granularity} ('hours', 'Hour', ...) is one of this aggregation's. */
    public boolean has(String granularity) {
        return granularity != null && levelIndex.containsKey(normalize(granularity));
    }

    /**
     * The rows of the buckets of {@code granularity} starting in {@code [from, to)}: {@code AGG_TIMESTAMP} then
     * the columns; oldest bucket first, keys in value order.
     *
     * @throws IllegalArgumentException for an unknown granularity
     */
    public List<Object[]> rows(String granularity, long from, long to) {
        Integer level = granularity == null ? null : levelIndex.get(normalize(granularity));
        if (level == null) {
            throw new IllegalArgumentException("aggregation " + def.name() + " has no granularity '" + granularity
                    + "'; it has " + def.granularities());
        }
        List<Object[]> rows = new ArrayList<>();
        int sourceWidth = def.source().size();
        for (Map.Entry<Long, HashMap<GroupKey, Object[]>> bucket : levels[level].range(from, to).entrySet()) {
            List<GroupKey> sorted = new ArrayList<>(bucket.getValue().keySet());
            sorted.sort(null);
            for (GroupKey key : sorted) {
                Object[] src = new Object[sourceWidth];
                for (int i = 0; i < keyAttributes.length; i++) {
                    if (keyAttributes[i] >= 0) {
                        src[keyAttributes[i]] = key.values[i];
                    }
                }
                current = bucket.getValue().get(key);
                out.bind(src, bucket.getKey());
                Object[] row = new Object[columns.length + 1];
                row[0] = bucket.getKey();
                for (int c = 0; c < columns.length; c++) {
                    row[c + 1] = columns[c].eval(out);
                }
                rows.add(row);
            }
        }
        current = null;
        return rows;
    }

    private static String normalize(String g) {
        String s = g.trim().toLowerCase(Locale.ROOT);
        return s.endsWith("s") ? s : s + "s";
    }

    @Override
    public Serializable snapshot() {
        if (store != null) {
            return null; // the table store keeps the buckets itself
        }
        ArrayList<Object[]> state = new ArrayList<>();
        for (Buckets b : levels) {
            state.add(new Object[] {b.granularity().name(), b.newest(), copy(b.all())});
        }
        return state;
    }

    private TreeMap<Long, HashMap<GroupKey, Object[]>> copy(Map<Long, HashMap<GroupKey, Object[]>> buckets) {
        TreeMap<Long, HashMap<GroupKey, Object[]>> copy = new TreeMap<>();
        for (Map.Entry<Long, HashMap<GroupKey, Object[]>> bucket : buckets.entrySet()) {
            HashMap<GroupKey, Object[]> cells = new HashMap<>();
            for (Map.Entry<GroupKey, Object[]> c : bucket.getValue().entrySet()) {
                Object[] cell = new Object[width];
                for (int i = 0; i < fns.length; i++) {
                    fns[i].copy(c.getValue(), cell, offsets[i]);
                }
                cells.put(c.getKey(), cell);
            }
            copy.put(bucket.getKey(), cells);
        }
        return copy;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Serializable state) {
        if (state == null || store != null) {
            return;
        }
        for (Object[] level : (List<Object[]>) state) {
            Integer i = levelIndex.get((String) level[0]);
            if (i != null) {
                levels[i].load((Long) level[1], copy((TreeMap<Long, HashMap<GroupKey, Object[]>>) level[2]));
            }
        }
    }

    public void close() {
        if (store != null) {
            store.close();
        }
    }

    /** An aggregate of the row being read: the value of its slots in the current cell. */
    private final class View implements Aggregator {
        private final Incremental fn;
        private final int offset;

        View(Incremental fn, int offset) {
            this.fn = fn;
            this.offset = offset;
        }

        @Override
        public Object value() {
            return fn.value(current, offset);
        }

        @Override
        public void add(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void remove(Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void reset() {
            throw new UnsupportedOperationException();
        }

        @Override
        public Serializable snapshot() {
            return null;
        }

        @Override
        public void restore(Serializable state) {
        }
    }
}
