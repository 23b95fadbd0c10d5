package io.eventflux.engine.internal.table;

import io.eventflux.api.extension.Clock;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.engine.internal.stream.StreamJunction;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TableWritePlan;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tables of one app: created over their stores at deploy time (the {@code inMemory} store unless WITH
 * names an {@code extension}), each with a junction that inserts what queries emit into it.
 */
public final class Tables {
    /** The store used when a table's WITH options name none. */
    public static final String DEFAULT_STORE = "inMemory";

    private final Map<String, TableRuntime> tables = new LinkedHashMap<>();
    private final Map<String, StreamJunction> junctions = new LinkedHashMap<>();
    private io.eventflux.engine.internal.aggregation.Aggregations aggregations;

    /**
     * @throws IllegalStateException when a table's store is not available
     * @throws IllegalArgumentException when a store rejects the table's options
     */
    public Tables(String app, List<TableDef> defs, ExtensionRegistry registry) {
        try {
            for (TableDef def : defs) {
                String storeName = storeName(def);
                TableStoreFactory factory = registry.tableStore(storeName).orElseThrow(() ->
                        new IllegalStateException("table " + def.name() + ": table store '" + storeName
                                + "' is not available; available table stores: "
                                + registry.names(io.eventflux.api.extension.Extension.TABLE_STORE)));
                TableStore store = factory.create(new TableSpec(app, def.schema(), def.primaryKey(), def.indexes(),
                        def.options()));
                TableRuntime table = new TableRuntime(app, def.schema(), store);
                tables.put(def.name(), table);
                StreamJunction junction = new StreamJunction(def.schema(), false);
                junction.subscribe(new TableInsertReceiver(table));
                junctions.put(def.name(), junction);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The store a table uses: its {@code extension} option, else {@link #DEFAULT_STORE}. */
    public static String storeName(TableDef def) {
        String name = option(def.options(), "extension");
        return name == null ? DEFAULT_STORE : name;
    }

    private static String option(Map<String, String> options, String key) {
        for (Map.Entry<String, String> e : options.entrySet()) {
            if (e.getKey().equalsIgnoreCase(key)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** The app's incremental aggregations (closed with the tables). */
    public void aggregations(io.eventflux.engine.internal.aggregation.Aggregations all) {
        this.aggregations = all;
    }

    /** An incremental aggregation of the app, or null. */
    public io.eventflux.engine.internal.aggregation.AggregationRuntime aggregation(String name) {
        return aggregations == null ? null : aggregations.get(name);
    }

    public TableRuntime table(String name) {
        return tables.get(name);
    }

    public Collection<TableRuntime> all() {
        return tables.values();
    }

    /** The junction a query inserting into table {@code name} publishes to, or null. */
    public StreamJunction junction(String name) {
        return junctions.get(name);
    }

    /** Builds a stream-driven UPDATE / DELETE / UPSERT; the caller subscribes it to the input stream. */
    public TableWriteRuntime write(TableWritePlan plan, Clock clock) {
        TableRuntime table = tables.get(plan.table().name());
        int eventWidth = plan.input().stream().size();
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(clock, ctx, new int[] {0, eventWidth});
        ConditionTranslator condition = new ConditionTranslator(plan.condition(), 1, plan.table(), compiler, ctx,
                eventWidth);
        int[] setColumns = plan.assignments().stream().mapToInt(TableWritePlan.Assignment::column).toArray();
        Function<io.eventflux.sql.plan.TypedExpr, Expr> compile = compiler::compile;
        Expr[] setValues = plan.assignments().stream().map(a -> compiler.compileAs(a.value(),
                plan.table().attribute(a.column()).type())).toArray(Expr[]::new);
        Expr[] row = new Expr[plan.row().size()];
        for (int i = 0; i < row.length; i++) {
            row[i] = compiler.compileAs(plan.row().get(i), plan.table().attribute(i).type());
        }
        return new TableWriteRuntime(plan.kind(), table, compile.apply(plan.input().filter()), condition, setColumns,
                setValues, row, ctx, eventWidth);
    }

    public void close() {
        if (aggregations != null) {
            aggregations.close();
        }
        for (TableRuntime t : tables.values()) {
            try {
                t.close();
            } catch (RuntimeException e) {
                System.getLogger(Tables.class.getName()).log(System.Logger.Level.WARNING,
                        "closing table " + t.name() + " failed", e);
            }
        }
    }
}
