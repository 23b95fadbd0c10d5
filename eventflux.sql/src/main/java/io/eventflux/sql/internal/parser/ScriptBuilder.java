package io.eventflux.sql.internal.parser;

import static io.eventflux.sql.internal.parser.AstSupport.pos;

import io.eventflux.sql.internal.ast.Annotation;
import io.eventflux.sql.internal.ast.Script;
import io.eventflux.sql.internal.ast.Statement;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@link Script}: dispatches each statement to the builder of its clause family. */
final class ScriptBuilder {
    private final ExpressionBuilder expressions = new ExpressionBuilder();
    private final SourceBuilder sources = new SourceBuilder(expressions, new PatternBuilder(expressions));
    private final QueryBuilder queries = new QueryBuilder(expressions, sources);
    private final DdlBuilder ddl = new DdlBuilder(queries);

    Script script(EventFluxSqlParser.ScriptContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (EventFluxSqlParser.StatementContext s : ctx.statement()) {
            statements.add(statement(s));
        }
        return new Script(statements);
    }

    private Statement statement(EventFluxSqlParser.StatementContext ctx) {
        List<Annotation> annotations = DdlBuilder.annotations(ctx.annotation());
        EventFluxSqlParser.StatementBodyContext body = ctx.statementBody();
        if (body == null) {
            return new Statement.AnnotationsOnly(annotations, pos(ctx));
        }
        if (body.createStream() != null) {
            return ddl.stream(body.createStream(), annotations);
        }
        if (body.createTable() != null) {
            return ddl.table(body.createTable(), annotations);
        }
        if (body.createTrigger() != null) {
            return ddl.trigger(body.createTrigger(), annotations);
        }
        if (body.createAggregation() != null) {
            return ddl.aggregation(body.createAggregation(), annotations);
        }
        if (body.partition() != null) {
            return partition(body.partition(), annotations);
        }
        if (body.updateStatement() != null) {
            return queries.update(body.updateStatement(), annotations);
        }
        if (body.deleteStatement() != null) {
            return queries.delete(body.deleteStatement(), annotations);
        }
        if (body.upsertStatement() != null) {
            return queries.upsert(body.upsertStatement(), annotations);
        }
        return queries.query(body.query(), annotations);
    }

    private Statement.Partition partition(EventFluxSqlParser.PartitionContext ctx, List<Annotation> annotations) {
        List<Statement.PartitionKey> keys = new ArrayList<>();
        for (EventFluxSqlParser.PartitionKeyContext k : ctx.partitionKey()) {
            if (k instanceof EventFluxSqlParser.RangePartitionKeyContext r) {
                List<Statement.Range> ranges = new ArrayList<>();
                for (EventFluxSqlParser.RangeItemContext item : r.rangeItem()) {
                    ranges.add(new Statement.Range(expressions.build(item.expression()),
                            AstSupport.unquote(item.STRING_LITERAL().getText())));
                }
                keys.add(new Statement.RangePartition(ranges, AstSupport.streamName(r.streamName()), pos(r)));
            } else {
                EventFluxSqlParser.ValuePartitionKeyContext v = (EventFluxSqlParser.ValuePartitionKeyContext) k;
                keys.add(new Statement.ValuePartition(expressions.build(v.expression()),
                        AstSupport.streamName(v.streamName()), pos(v)));
            }
        }
        List<Statement> body = new ArrayList<>();
        for (EventFluxSqlParser.StatementContext s : ctx.statement()) {
            body.add(statement(s));
        }
        return new Statement.Partition(keys, DdlBuilder.options(ctx.withOptions()), body, annotations, pos(ctx));
    }
}
