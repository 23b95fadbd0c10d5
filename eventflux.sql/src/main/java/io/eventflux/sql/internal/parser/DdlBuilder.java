package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Annotation;
import io.eventflux.sql.internal.ast.ColumnDef;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.internal.ast.TimeUnit;
import java.util.ArrayList;
import java.util.List;

/** Builds definitions: CREATE STREAM / TABLE / TRIGGER / AGGREGATION, WITH options and annotations. */
final class DdlBuilder {
    private final QueryBuilder queries;

    DdlBuilder(QueryBuilder queries) {
        this.queries = queries;
    }

    Statement.CreateStream stream(EventFluxSqlParser.CreateStreamContext ctx, List<Annotation> annotations) {
        List<ColumnDef> columns = new ArrayList<>();
        for (EventFluxSqlParser.ColumnDefContext c : ctx.columnDef()) {
            ColumnDef column = column(c);
            if (column.primaryKey()) {
                throw new CompileProblem(pos(c.PRIMARY().getSymbol()),
                        "PRIMARY KEY is only allowed on tables, not on stream '" + ctx.streamName().getText() + "'",
                        column.name().text(), "use CREATE TABLE");
            }
            columns.add(column);
        }
        return new Statement.CreateStream(AstSupport.streamName(ctx.streamName()), columns, options(ctx.withOptions()),
                annotations, pos(ctx));
    }

    Statement.CreateTable table(EventFluxSqlParser.CreateTableContext ctx, List<Annotation> annotations) {
        List<ColumnDef> columns = new ArrayList<>();
        List<Identifier> key = new ArrayList<>();
        for (EventFluxSqlParser.TableElementContext e : ctx.tableElement()) {
            if (e.columnDef() != null) {
                ColumnDef column = column(e.columnDef());
                columns.add(column);
                if (column.primaryKey()) {
                    key.add(column.name());
                }
            } else {
                for (EventFluxSqlParser.IdentifierContext id : e.identifier()) {
                    key.add(AstSupport.identifier(id));
                }
            }
        }
        return new Statement.CreateTable(AstSupport.streamName(ctx.streamName()), columns, key,
                options(ctx.withOptions()), annotations, pos(ctx));
    }

    private static ColumnDef column(EventFluxSqlParser.ColumnDefContext c) {
        return new ColumnDef(AstSupport.identifier(c.identifier()), AstSupport.typeName(c.typeName()),
                c.PRIMARY() != null, pos(c));
    }

    static List<OptionEntry> options(EventFluxSqlParser.WithOptionsContext ctx) {
        if (ctx == null) {
            return List.of();
        }
        List<OptionEntry> out = new ArrayList<>();
        for (EventFluxSqlParser.OptionContext o : ctx.option()) {
            out.add(new OptionEntry(key(o.optionKey()), value(o.optionValue()), pos(o)));
        }
        return out;
    }

    private static String key(EventFluxSqlParser.OptionKeyContext k) {
        if (k.STRING_LITERAL() != null || k.DQ_STRING() != null) {
            return AstSupport.unquote(k.getText());
        }
        return AstSupport.sourceText(k).replaceAll("\\s+", "");
    }

    private static String value(EventFluxSqlParser.OptionValueContext v) {
        if (v.STRING_LITERAL() != null || v.DQ_STRING() != null) {
            return AstSupport.unquote(v.getText());
        }
        if (v.anyWord() != null && v.anyWord().identifier() != null) {
            return AstSupport.name(v.anyWord().identifier());
        }
        return v.getText();
    }

    static List<Annotation> annotations(List<EventFluxSqlParser.AnnotationContext> contexts) {
        List<Annotation> out = new ArrayList<>();
        for (EventFluxSqlParser.AnnotationContext a : contexts) {
            List<Annotation.Element> elements = new ArrayList<>();
            for (EventFluxSqlParser.AnnotationElementContext e : a.annotationElement()) {
                elements.add(new Annotation.Element(e.optionKey() == null ? null : key(e.optionKey()),
                        value(e.optionValue())));
            }
            out.add(new Annotation(a.annotationName().getText(), elements, pos(a)));
        }
        return out;
    }

    Statement.CreateTrigger trigger(EventFluxSqlParser.CreateTriggerContext ctx, List<Annotation> annotations) {
        EventFluxSqlParser.TriggerScheduleContext s = ctx.triggerSchedule();
        Statement.TriggerSchedule schedule;
        if (s instanceof EventFluxSqlParser.TriggerEveryContext every) {
            schedule = new Statement.AtEvery(AstSupport.period(every.period()));
        } else if (s instanceof EventFluxSqlParser.TriggerCronContext cron) {
            schedule = new Statement.AtCron(AstSupport.unquote(cron.STRING_LITERAL().getText()));
        } else {
            schedule = new Statement.AtStart();
        }
        return new Statement.CreateTrigger(AstSupport.streamName(ctx.streamName()), schedule, annotations, pos(ctx));
    }

    Statement.CreateAggregation aggregation(EventFluxSqlParser.CreateAggregationContext ctx,
            List<Annotation> annotations) {
        List<TimeUnit> units = new ArrayList<>();
        EventFluxSqlParser.GranularitiesContext g = ctx.granularities();
        if (g instanceof EventFluxSqlParser.GranularityRangeContext range) {
            TimeUnit from = AstSupport.timeUnit(range.timeUnit(0));
            TimeUnit to = AstSupport.timeUnit(range.timeUnit(1));
            if (to.ordinal() < from.ordinal()) {
                throw new CompileProblem(pos(range), "granularity range " + from + " ... " + to + " is reversed",
                        to.name(), null);
            }
            for (TimeUnit u : TimeUnit.values()) {
                if (u.ordinal() >= from.ordinal() && u.ordinal() <= to.ordinal() && u != TimeUnit.WEEKS) {
                    units.add(u);
                }
            }
        } else {
            for (EventFluxSqlParser.TimeUnitContext u : ((EventFluxSqlParser.GranularityListContext) g).timeUnit()) {
                units.add(AstSupport.timeUnit(u));
            }
        }
        return new Statement.CreateAggregation(AstSupport.streamName(ctx.streamName()), queries.select(ctx.selectQuery()),
                ctx.identifier() == null ? null : AstSupport.identifier(ctx.identifier()), units,
                options(ctx.withOptions()), annotations,
                pos(ctx));
    }
}
