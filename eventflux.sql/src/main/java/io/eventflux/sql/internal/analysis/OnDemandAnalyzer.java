package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.Catalog;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.Script;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.AggregationDef;
import io.eventflux.sql.plan.AggregationWithin;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.OnDemandPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TableDef;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;

/** An on-demand query (SQL.md 3.6) against the tables of a compiled app. */
public final class OnDemandAnalyzer {
    /** The output schema's name. */
    public static final String RESULT = "OnDemandResult";

    private final Errors errors = new Errors();
    private final Symbols symbols = new Symbols();
    private final ExpressionAnalyzer expressions;
    private final SelectAnalyzer selects;

    public OnDemandAnalyzer(Catalog catalog, AppPlan app) {
        this.expressions = new ExpressionAnalyzer(new ExtensionResolver(catalog));
        this.selects = new SelectAnalyzer(expressions, errors);
        for (TableDef t : app.tables()) {
            symbols.define(new Identifier(t.name(), t.position()), Symbols.Kind.TABLE, t.schema());
        }
        for (AggregationDef a : app.aggregations()) {
            symbols.define(new Identifier(a.name(), a.position()), Symbols.Kind.AGGREGATION, a.schema());
            symbols.settle(a);
        }
        for (StreamDef s : app.streams()) {
            symbols.addStream(s);
        }
    }

    public OnDemandPlan analyze(Script script) throws CompileException {
        OnDemandPlan plan = errors.attempt(() -> plan(script));
        if (!errors.isEmpty()) {
            throw new CompileException(errors.sorted());
        }
        return plan;
    }

    private OnDemandPlan plan(Script script) {
        List<Statement> statements = script.statements().stream()
                .filter(s -> !(s instanceof Statement.AnnotationsOnly)).toList();
        if (statements.size() != 1 || !(statements.get(0) instanceof Statement.Query q) || q.insert() != null) {
            SourcePosition pos = statements.isEmpty() ? new SourcePosition(1, 1) : statements.get(0).pos();
            throw new CompileProblem(pos, "an on-demand query is one SELECT ... FROM <table> statement", "SELECT",
                    null);
        }
        Select select = q.select();
        if (select.output() != null) {
            throw new CompileProblem(select.output().pos(), "OUTPUT rate limiting has no meaning on demand", "OUTPUT",
                    null);
        }
        if (select.from() instanceof Source.AggregationSource a) {
            Symbols.Entry entry = symbols.require(a.aggregation());
            AggregationDef def = symbols.aggregation(a.aggregation().text());
            if (entry.kind() != Symbols.Kind.AGGREGATION || def == null) {
                throw new CompileProblem(a.within().pos(), "WITHIN ... PER reads an aggregation, and '"
                        + a.aggregation().text() + "' is a " + Symbols.kindName(entry.kind()), "WITHIN", null);
            }
            AggregationWithin within = AggregationReads.within(a.within(), def, new Scope(List.of()), expressions);
            return read(select, def.schema(), a.alias() == null ? null : a.alias().text(), within);
        }
        if (!(select.from() instanceof Source.StreamSource s) || s.window() != null || s.unidirectional()) {
            throw new CompileProblem(select.from().pos(), "an on-demand query reads a single table (no join, window "
                    + "or pattern)", "FROM", null);
        }
        Symbols.Entry entry = symbols.require(s.stream());
        if (entry.kind() == Symbols.Kind.AGGREGATION) {
            throw new CompileProblem(s.stream().pos(), "reading aggregation '" + s.stream().text()
                    + "' needs WITHIN from, to PER 'granularity'", s.stream().text(),
                    "e.g. SELECT * FROM " + s.stream().text() + " WITHIN 0, 1800000000000 PER 'hours'");
        }
        if (entry.kind() != Symbols.Kind.TABLE) {
            throw new CompileProblem(s.stream().pos(), "on-demand queries read tables, and '" + s.stream().text()
                    + "' is a " + Symbols.kindName(entry.kind()), s.stream().text(), null);
        }
        return read(select, entry.schema(), s.alias() == null ? null : s.alias().text(), null);
    }

    private OnDemandPlan read(Select select, StreamSchema table, String alias, AggregationWithin within) {
        Scope scope = new Scope(List.of(new Scope.Input(0, table.name(), alias, table)));
        TypedExpr filter = select.where() == null ? null : errors.attempt(() -> {
            TypedExpr w = expressions.analyze(select.where(), ExprContext.noAggregates(scope, "WHERE"));
            TypeRules.requireBool(w, "WHERE", select.where().pos());
            return w;
        });
        int before = errors.count();
        SelectAnalyzer.Parts parts = selects.analyze(select, scope, columns -> columns);
        if (errors.count() > before) {
            return null;
        }
        StreamSchema output = new StreamSchema(RESULT, parts.columns().stream()
                .map(c -> new Attribute(c.name(), c.expression().type())).toList());
        SelectorPlan selector = new SelectorPlan(parts.columns(), select.distinct(), parts.groupBy(), parts.having(),
                parts.orderBy(), select.limit(), select.offset(), parts.aggregates(), output);
        return new OnDemandPlan(table, alias, filter, selector, within);
    }
}
