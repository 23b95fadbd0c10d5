package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Annotation;
import io.eventflux.sql.internal.ast.ColumnDef;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Script;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TableWritePlan;
import io.eventflux.sql.plan.TriggerPlan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A whole script into an {@link AppPlan}. Definitions come first (so queries may name streams declared
 * later in the text), then queries in source order (a query may read an implicit stream of an earlier one).
 * Errors are collected across statements and reported together, in source order.
 */
public final class AppAnalyzer {
    private final Errors errors = new Errors();
    private final Symbols symbols = new Symbols();
    private final QueryAnalyzer queries;
    private final TableAnalyzer tableAnalyzer;
    private final List<TableDef> tables = new ArrayList<>();
    private final PartitionAnalyzer partitions;
    private final List<TriggerPlan> triggers = new ArrayList<>();
    private final AggregationAnalyzer aggregationAnalyzer;
    private final List<Statement.CreateAggregation> pendingAggregations = new ArrayList<>();
    private final List<AggregationDef> aggregations = new ArrayList<>();
    private final Map<String, String> appOptions = new LinkedHashMap<>();
    private String appName;

    public AppAnalyzer(Catalog catalog) {
        ExtensionResolver extensions = new ExtensionResolver(catalog);
        this.queries = new QueryAnalyzer(symbols, errors, extensions, appOptions);
        this.tableAnalyzer = new TableAnalyzer(symbols, errors, new ExpressionAnalyzer(extensions));
        this.partitions = new PartitionAnalyzer(symbols, errors, extensions, appOptions);
        this.aggregationAnalyzer = new AggregationAnalyzer(symbols, errors, new ExpressionAnalyzer(extensions));
    }

    /** Analyzes once; an analyzer is not reused. */
    public AppPlan analyze(Script script) throws CompileException {
        for (Statement s : script.statements()) {
            appAnnotations(s.annotations());
            errors.attempt(() -> define(s));
        }
        checkConnectorOptions(script);
        for (Statement.CreateAggregation ag : pendingAggregations) {
            AggregationDef def = errors.attempt(() -> aggregationAnalyzer.analyze(ag));
            if (def != null) {
                symbols.settle(def);
                aggregations.add(def);
            }
        }
        List<QueryPlan> plans = new ArrayList<>();
        List<TableWritePlan> writes = new ArrayList<>();
        List<PartitionPlan> partitionPlans = new ArrayList<>();
        int[] queryNumber = {0};
        for (Statement s : script.statements()) {
            if (s instanceof Statement.Query q) {
                String name = queryName(q, ++queryNumber[0]);
                QueryPlan plan = errors.attempt(() -> queries.analyze(q, name));
                if (plan != null) {
                    plans.add(plan);
                }
            } else if (s instanceof Statement.Update || s instanceof Statement.Delete
                    || s instanceof Statement.Upsert) {
                String name = queryName(s.annotations(), ++queryNumber[0]);
                int before = errors.count();
                TableWritePlan plan = errors.attempt(() -> tableWrite(s, name));
                if (plan != null && errors.count() == before) {
                    writes.add(plan);
                }
            } else if (s instanceof Statement.Partition p) {
                String name = "partition-" + (partitionPlans.size() + 1);
                PartitionPlan plan = partitions.analyze(p, name, q -> queryName(q, ++queryNumber[0]));
                if (plan != null) {
                    partitionPlans.add(plan);
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new CompileException(errors.sorted());
        }
        return new AppPlan(appName, appOptions, symbols.streams(), plans, tables, writes, partitionPlans, triggers,
                aggregations);
    }

    private void define(Statement s) {
        if (s instanceof Statement.CreateStream cs) {
            if (cs.name().text().startsWith("#")) {
                throw new CompileProblem(cs.name().pos(), "inner stream '" + cs.name().text()
                        + "' can only be declared inside a PARTITION", cs.name().text(), null);
            }
            StreamSchema schema = schema(cs.name(), cs.columns());
            symbols.define(cs.name(), Symbols.Kind.STREAM, schema);
            symbols.addStream(new StreamDef(schema, StreamDef.Kind.DECLARED, options(cs.options()), cs.pos()));
        } else if (s instanceof Statement.CreateTable ct) {
            StreamSchema schema = schema(ct.name(), ct.columns());
            symbols.define(ct.name(), Symbols.Kind.TABLE, schema);
            tables.add(tableAnalyzer.define(ct, schema, options(ct.options())));
        } else if (s instanceof Statement.CreateTrigger tr) {
            StreamSchema schema = new StreamSchema(tr.name().text(),
                    List.of(new Attribute("triggered_time", AttributeType.LONG)));
            symbols.define(tr.name(), Symbols.Kind.TRIGGER, schema);
            symbols.addStream(new StreamDef(schema, StreamDef.Kind.TRIGGER, Map.of(), tr.pos()));
            triggers.add(TriggerAnalyzer.trigger(tr));
        } else if (s instanceof Statement.CreateAggregation ag) {
            symbols.define(ag.name(), Symbols.Kind.AGGREGATION, new StreamSchema(ag.name().text(), List.of()));
            pendingAggregations.add(ag);
        }
    }

    private void checkConnectorOptions(Script script) {
        Map<String, StreamSchema> declared = new LinkedHashMap<>();
        for (StreamDef d : symbols.streams()) {
            if (d.kind() == StreamDef.Kind.DECLARED) {
                declared.put(d.name(), d.schema());
            }
        }
        ConnectorOptionsAnalyzer connectors = new ConnectorOptionsAnalyzer(errors, declared);
        for (Statement s : script.statements()) {
            if (s instanceof Statement.CreateStream cs) {
                connectors.check(cs);
            }
        }
    }

    private StreamSchema schema(Identifier name, List<ColumnDef> columns) {
        Set<String> seen = new HashSet<>();
        List<Attribute> attributes = new ArrayList<>();
        for (ColumnDef c : columns) {
            if (!seen.add(c.name().text())) {
                errors.add(new CompileProblem(c.pos(), "duplicate attribute '" + c.name().text() + "' in '"
                        + name.text() + "'", c.name().text(), null));
            }
            attributes.add(new Attribute(c.name().text(), c.type().type()));
        }
        return new StreamSchema(name.text(), attributes);
    }

    private static Map<String, String> options(List<OptionEntry> entries) {
        Map<String, String> options = new LinkedHashMap<>();
        for (OptionEntry e : entries) {
            options.put(e.key(), e.value());
        }
        return options;
    }

    /** The {@code @app:name('x')} of a parsed script (the last one), or null; {@link #analyze} reads it the same way. */
    public static String declaredName(Script script) {
        String name = null;
        for (Statement s : script.statements()) {
            for (Annotation a : s.annotations()) {
                if (a.name().equalsIgnoreCase("app:name")) {
                    for (Annotation.Element e : a.elements()) {
                        if (e.key() == null) {
                            name = e.value();
                        }
                    }
                }
            }
        }
        return name;
    }

    /** {@code @app:name('x')} names the app; any other {@code @app:key(...)} becomes an app option. */
    private void appAnnotations(List<Annotation> annotations) {
        for (Annotation a : annotations) {
            String lower = a.name().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("app:")) {
                continue;
            }
            String key = a.name().substring(4);
            for (Annotation.Element e : a.elements()) {
                if (key.equalsIgnoreCase("name") && e.key() == null) {
                    appName = e.value();
                } else {
                    appOptions.put(e.key() == null ? key : key + "." + e.key(), e.value());
                }
            }
        }
    }

    private TableWritePlan tableWrite(Statement s, String name) {
        if (s instanceof Statement.Update u) {
            return tableAnalyzer.update(u, name);
        }
        if (s instanceof Statement.Delete d) {
            return tableAnalyzer.delete(d, name);
        }
        return tableAnalyzer.upsert((Statement.Upsert) s, name);
    }

    private static String queryName(Statement.Query q, int number) {
        return queryName(q.annotations(), number);
    }

    private static String queryName(List<Annotation> annotations, int number) {
        for (Annotation a : annotations) {
            if (a.name().equalsIgnoreCase("info")) {
                for (Annotation.Element e : a.elements()) {
                    if (e.key() != null && e.key().equalsIgnoreCase("name")) {
                        return e.value();
                    }
                }
            }
        }
        return "query-" + number;
    }
}
