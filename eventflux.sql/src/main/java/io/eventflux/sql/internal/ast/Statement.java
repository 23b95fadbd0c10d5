package io.eventflux.sql.internal.ast;

import io.eventflux.sql.plan.OutputPlan.EventSelection;
import io.eventflux.sql.plan.SourcePosition;
import java.util.List;

/** The statements of an app script. Every statement carries the annotations written before it. */
public sealed interface Statement extends Node {
    List<Annotation> annotations();

    /** Annotations alone ({@code @app:name('x');}). */
    record AnnotationsOnly(List<Annotation> annotations, SourcePosition pos) implements Statement {
        public AnnotationsOnly {
            annotations = List.copyOf(annotations);
        }
    }

    record CreateStream(Identifier name, List<ColumnDef> columns, List<OptionEntry> options,
            List<Annotation> annotations, SourcePosition pos) implements Statement {
        public CreateStream {
            columns = List.copyOf(columns);
            options = List.copyOf(options);
            annotations = List.copyOf(annotations);
        }
    }

    /** @param primaryKey the key columns, from column or table constraints, in order */
    record CreateTable(Identifier name, List<ColumnDef> columns, List<Identifier> primaryKey,
            List<OptionEntry> options, List<Annotation> annotations, SourcePosition pos) implements Statement {
        public CreateTable {
            columns = List.copyOf(columns);
            primaryKey = List.copyOf(primaryKey);
            options = List.copyOf(options);
            annotations = List.copyOf(annotations);
        }
    }

    record CreateTrigger(Identifier name, TriggerSchedule schedule, List<Annotation> annotations,
            SourcePosition pos) implements Statement {
        public CreateTrigger {
            annotations = List.copyOf(annotations);
        }
    }

    /** AT START | AT EVERY d | AT CRON '...'. */
    sealed interface TriggerSchedule {
    }

    record AtStart() implements TriggerSchedule {
    }

    record AtEvery(Duration period) implements TriggerSchedule {
    }

    record AtCron(String expression) implements TriggerSchedule {
    }

    /**
     * CREATE AGGREGATION name AS SELECT ... AGGREGATE [BY ts] EVERY units.
     *
     * @param timestamp the BY attribute, or null (event time)
     * @param granularities the units listed, a range {@code SECONDS ... YEARS} expanded
     * @param options the WITH options (store, retention, time zone)
     */
    record CreateAggregation(Identifier name, Select select, Identifier timestamp, List<TimeUnit> granularities,
            List<OptionEntry> options, List<Annotation> annotations, SourcePosition pos) implements Statement {
        public CreateAggregation {
            granularities = List.copyOf(granularities);
            options = List.copyOf(options);
            annotations = List.copyOf(annotations);
        }
    }

    /** [INSERT [events] INTO target] SELECT ...; insert null means a bare SELECT. */
    record Query(Insert insert, Select select, List<Annotation> annotations, SourcePosition pos)
            implements Statement {
        public Query {
            annotations = List.copyOf(annotations);
        }
    }

    record Insert(Identifier target, EventSelection events, SourcePosition pos) implements Node {
    }

    /** @param options the WITH options after the keys ({@code 'partition.idle.timeout'}) */
    record Partition(List<PartitionKey> keys, List<OptionEntry> options, List<Statement> body,
            List<Annotation> annotations, SourcePosition pos) implements Statement {
        public Partition {
            keys = List.copyOf(keys);
            options = List.copyOf(options);
            body = List.copyOf(body);
            annotations = List.copyOf(annotations);
        }
    }

    sealed interface PartitionKey extends Node {
        Identifier stream();
    }

    /** {@code expr OF S}. */
    record ValuePartition(Expr key, Identifier stream, SourcePosition pos) implements PartitionKey {
    }

    /** {@code cond AS 'label' OR ... OF S}. */
    record RangePartition(List<Range> ranges, Identifier stream, SourcePosition pos) implements PartitionKey {
        public RangePartition {
            ranges = List.copyOf(ranges);
        }
    }

    record Range(Expr condition, String label) {
    }

    /** UPDATE T SET ... [FROM source] [WHERE cond]. */
    record Update(Identifier table, List<Assignment> assignments, Source from, Expr where,
            List<Annotation> annotations, SourcePosition pos) implements Statement {
        public Update {
            assignments = List.copyOf(assignments);
            annotations = List.copyOf(annotations);
        }
    }

    record Assignment(Expr.Column target, Expr value) {
    }

    /** DELETE FROM T [USING source] [WHERE cond]. */
    record Delete(Identifier table, Source using, Expr where, List<Annotation> annotations, SourcePosition pos)
            implements Statement {
        public Delete {
            annotations = List.copyOf(annotations);
        }
    }

    /** UPSERT INTO T SELECT ... ON cond. */
    record Upsert(Identifier table, Select select, Expr on, List<Annotation> annotations, SourcePosition pos)
            implements Statement {
        public Upsert {
            annotations = List.copyOf(annotations);
        }
    }
}
