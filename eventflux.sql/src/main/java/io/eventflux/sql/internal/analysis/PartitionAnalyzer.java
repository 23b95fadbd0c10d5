package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.internal.ast.TimeUnit;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PARTITION WITH (...) [WITH (...)] BEGIN ... END} into a {@link PartitionPlan}. Inner streams
 * ({@code #name}) are declared in, and visible to, this partition only; the queries inside read
 * partitioned, inner or unpartitioned app streams (whose events every key's instance receives), and
 * tables, and insert into inner streams, the app's streams or tables (but not into a partitioned stream,
 * which would feed the partition back into itself).
 */
final class PartitionAnalyzer {
    static final String IDLE_TIMEOUT = "partition.idle.timeout";
    private static final Pattern DURATION = Pattern.compile("\\s*(\\d+)\\s*([A-Za-z]*)\\s*");

    private final Symbols symbols;
    private final Errors errors;
    private final ExtensionResolver extensions;
    /** App options (pattern limits for queries inside the partition). */
    private final Map<String, String> appOptions;
    private final ExpressionAnalyzer expressions;

    PartitionAnalyzer(Symbols symbols, Errors errors, ExtensionResolver extensions, Map<String, String> appOptions) {
        this.appOptions = appOptions;
        this.symbols = symbols;
        this.errors = errors;
        this.extensions = extensions;
        this.expressions = new ExpressionAnalyzer(extensions);
    }

    /** The plan, or null when errors were recorded. */
    PartitionPlan analyze(Statement.Partition partition, String name, Function<Statement.Query, String> queryNames) {
        int before = errors.count();
        Map<String, PartitionPlan.Key> keys = new LinkedHashMap<>();
        for (Statement.PartitionKey k : partition.keys()) {
            errors.attempt(() -> key(k, keys));
        }
        Long idle = errors.attempt(() -> idleTimeout(partition.options()));
        Symbols inner = symbols.inner();
        for (Statement s : partition.body()) {
            if (s instanceof Statement.CreateStream cs) {
                errors.attempt(() -> innerStream(cs, inner));
            } else if (!(s instanceof Statement.Query) && !(s instanceof Statement.AnnotationsOnly)) {
                errors.add(new CompileProblem(s.pos(), "only queries and inner streams (CREATE STREAM #Name) can be "
                        + "inside a PARTITION", null, null));
            }
        }
        QueryAnalyzer queries = new QueryAnalyzer(inner, errors, extensions, appOptions);
        // as written, so that a key with an error does not also make its stream's queries errors
        Set<String> partitioned = new HashSet<>();
        partition.keys().forEach(k -> partitioned.add(k.stream().text()));
        List<QueryPlan> plans = new ArrayList<>();
        for (Statement s : partition.body()) {
            if (s instanceof Statement.Query q) {
                String queryName = queryNames.apply(q);
                QueryPlan plan = errors.attempt(() -> query(q, queryName, partitioned, queries));
                if (plan != null) {
                    plans.add(plan);
                }
            }
        }
        if (plans.isEmpty() && errors.count() == before) {
            errors.add(new CompileProblem(partition.pos(), "a PARTITION needs at least one query", "PARTITION", null));
        }
        if (errors.count() > before) {
            return null;
        }
        return new PartitionPlan(name, List.copyOf(keys.values()), inner.streams(), plans, idle, partition.pos());
    }

    private void key(Statement.PartitionKey k, Map<String, PartitionPlan.Key> keys) {
        String stream = k.stream().text();
        Symbols.Entry entry = symbols.require(k.stream());
        if (entry.kind() != Symbols.Kind.STREAM) {
            throw new CompileProblem(k.stream().pos(), "only streams can be partitioned, and '" + stream + "' is a "
                    + Symbols.kindName(entry.kind()), stream, null);
        }
        if (keys.containsKey(stream)) {
            throw new CompileProblem(k.stream().pos(), "stream '" + stream + "' is partitioned twice", stream,
                    "give each stream one key");
        }
        StreamSchema schema = entry.schema();
        Scope scope = new Scope(List.of(new Scope.Input(0, stream, null, schema)));
        if (k instanceof Statement.ValuePartition v) {
            TypedExpr key = expressions.analyze(v.key(), ExprContext.noAggregates(scope, "a partition key"));
            keys.put(stream, new PartitionPlan.ValueKey(schema, key));
        } else {
            Statement.RangePartition r = (Statement.RangePartition) k;
            List<PartitionPlan.Range> ranges = new ArrayList<>();
            Set<String> labels = new HashSet<>();
            for (Statement.Range range : r.ranges()) {
                TypedExpr cond = expressions.analyze(range.condition(),
                        ExprContext.noAggregates(scope, "a partition range"));
                TypeRules.requireBool(cond, "a partition range", range.condition().pos());
                if (!labels.add(range.label())) {
                    throw new CompileProblem(range.condition().pos(), "partition range label '" + range.label()
                            + "' is used twice", range.label(), null);
                }
                ranges.add(new PartitionPlan.Range(cond, range.label()));
            }
            keys.put(stream, new PartitionPlan.RangeKey(schema, ranges));
        }
    }

    private void innerStream(Statement.CreateStream cs, Symbols inner) {
        String name = cs.name().text();
        if (!name.startsWith("#")) {
            throw new CompileProblem(cs.name().pos(), "stream '" + name + "' is declared inside a PARTITION: only "
                    + "inner streams can be", name, "name it #" + name + ", or declare it before the PARTITION");
        }
        List<Attribute> attributes = new ArrayList<>();
        cs.columns().forEach(c -> attributes.add(new Attribute(c.name().text(), c.type().type())));
        StreamSchema schema = new StreamSchema(name, attributes);
        inner.define(cs.name(), Symbols.Kind.STREAM, schema);
        inner.addStream(new StreamDef(schema, StreamDef.Kind.DECLARED, Map.of(), cs.pos()));
    }

    private static QueryPlan query(Statement.Query q, String name, Set<String> partitioned, QueryAnalyzer queries) {
        if (q.insert() != null && partitioned.contains(q.insert().target().text())) {
            String target = q.insert().target().text();
            throw new CompileProblem(q.insert().target().pos(), "a query inside a PARTITION cannot insert into "
                    + "partitioned stream '" + target + "'", target, "insert into an inner stream (#" + target
                    + ") or another stream");
        }
        return queries.analyze(q, name);
    }

    private static long idleTimeout(List<OptionEntry> options) {
        long idle = 0;
        for (OptionEntry o : options) {
            if (!o.key().equalsIgnoreCase(IDLE_TIMEOUT)) {
                throw new CompileProblem(o.pos(), "unknown partition option '" + o.key() + "'", o.key(),
                        Suggestions.hint(o.key(), List.of(IDLE_TIMEOUT)));
            }
            idle = duration(o);
        }
        return idle;
    }

    /** {@code '1 HOUR'}, {@code '30 minutes'}, {@code '5000'} (ms). */
    private static long duration(OptionEntry o) {
        Matcher m = DURATION.matcher(o.value());
        long millis;
        try {
            if (!m.matches()) {
                throw new IllegalArgumentException();
            }
            long n = Long.parseLong(m.group(1));
            millis = m.group(2).isEmpty() ? n : Math.multiplyExact(n, TimeUnit.of(m.group(2)).millis());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new CompileProblem(o.pos(), "'" + o.key() + "' must be a duration such as '1 HOUR' or a number of "
                    + "milliseconds, not '" + o.value() + "'", o.key(), null);
        }
        if (millis <= 0) {
            throw new CompileProblem(o.pos(), "'" + o.key() + "' must be positive", o.key(), null);
        }
        return millis;
    }
}
