package io.eventflux.engine.internal.query;

import io.eventflux.api.Attribute;
import io.eventflux.api.Event;
import io.eventflux.engine.internal.pattern.PatternQueryBuilder;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.OutputPlan;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.SelectorPlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * A pattern as an input of a join ({@link JoinInput.Kind#PATTERN}): a pattern matcher fed by the pattern's
 * streams, whose matches, projected onto the input's schema (the attributes of every element that is not
 * absent, in element order), arrive at the input's {@link JoinSideStage} as its events.
 */
final class PatternJoinSide {
    private PatternJoinSide() {
    }

    /** Builds the matcher of input {@code in} and feeds its matches to {@code stage}. */
    static void build(QueryBuilder.Context context, String query, int k, JoinInput.Input in, ChunkReceiver stage,
            LatencyHistogram latency) {
        PatternInput pattern = in.pattern();
        List<SelectorPlan.OutputColumn> columns = new ArrayList<>();
        for (int e = 0; e < pattern.elements().size(); e++) {
            PatternInput.Element element = pattern.elements().get(e);
            if (element.absent()) {
                continue;
            }
            List<Attribute> attributes = element.stream().attributes();
            for (int i = 0; i < attributes.size(); i++) {
                Attribute a = attributes.get(i);
                columns.add(new SelectorPlan.OutputColumn(a.name(), new TypedExpr.AttributeRef(e, i, a.name(),
                        a.type())));
            }
        }
        if (columns.size() != in.schema().size()) {
            throw new IllegalStateException("pattern input " + in.alias() + ": " + columns.size()
                    + " attributes, schema " + in.schema());
        }
        SelectorPlan projection = new SelectorPlan(columns, false, List.of(), null, List.of(), null, null, List.of(),
                in.schema());
        QueryPlan plan = new QueryPlan(query + "/join/" + k, pattern, projection,
                new OutputPlan(in.schema().name(), OutputPlan.EventSelection.CURRENT, null), null);
        new PatternQueryBuilder(context).build(plan, pattern, flat -> new Projection(flat, stage), latency);
    }

    /** Copies the projected slots of each flat match row into an event of the join input. */
    private static final class Projection implements ChunkReceiver {
        private final int[] slots;
        private final ChunkReceiver stage;

        Projection(QueryPlan flat, ChunkReceiver stage) {
            List<SelectorPlan.OutputColumn> columns = flat.selector().columns();
            slots = new int[columns.size()];
            for (int i = 0; i < slots.length; i++) {
                slots[i] = ((TypedExpr.AttributeRef) columns.get(i).expression()).index();
            }
            this.stage = stage;
        }

        @Override
        public void process(EventChunk chunk) {
            int n = chunk.size();
            EventChunk out = new EventChunk(n);
            for (int i = 0; i < n; i++) {
                Event match = chunk.get(i);
                if (match.isExpired()) {
                    continue;
                }
                Object[] data = new Object[slots.length];
                for (int c = 0; c < slots.length; c++) {
                    data[c] = match.get(slots[c]);
                }
                out.add(new Event(match.timestamp(), data));
            }
            if (!out.isEmpty()) {
                stage.process(out);
            }
        }
    }
}
