package io.eventflux.engine.internal.table;

import io.eventflux.api.Event;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.Expr;
import io.eventflux.engine.internal.stream.ChunkReceiver;
import io.eventflux.engine.internal.stream.EventChunk;
import io.eventflux.sql.plan.TableWritePlan;

/**
 * A stream-driven UPDATE, DELETE or UPSERT (SQL.md 3.6): for each event of the driving stream (that passes
 * its filter), the rows the condition selects are updated, deleted, or replaced by the new row (inserted
 * when none matches).
 */
public final class TableWriteRuntime implements ChunkReceiver {
    private final TableWritePlan.Kind kind;
    private final TableRuntime table;
    private final Expr filter;
    private final ConditionTranslator condition;
    private final int[] setColumns;
    private final Expr[] setValues;
    private final Expr[] row;
    private final EvalContext ctx;
    private final int eventWidth;

    /**
     * @param setColumns UPDATE: the assigned columns; {@code setValues} their values over [event, row]
     * @param row UPSERT: the new row's values over the event
     */
    public TableWriteRuntime(TableWritePlan.Kind kind, TableRuntime table, Expr filter, ConditionTranslator condition,
            int[] setColumns, Expr[] setValues, Expr[] row, EvalContext ctx, int eventWidth) {
        this.kind = kind;
        this.table = table;
        this.filter = filter;
        this.condition = condition;
        this.setColumns = setColumns;
        this.setValues = setValues;
        this.row = row;
        this.ctx = ctx;
        this.eventWidth = eventWidth;
    }

    @Override
    public void process(EventChunk chunk) {
        for (int i = 0; i < chunk.size(); i++) {
            Event e = chunk.get(i);
            if (filter != null) {
                ctx.bind(combined(e.data(), null), e.timestamp());
                if (!filter.evalBool(ctx)) {
                    continue;
                }
            }
            try {
                apply(e);
            } catch (DuplicateKeyException x) {
                table.failed(x);
            }
        }
    }

    private void apply(Event e) {
        Condition c = condition.bind(e.data(), e.timestamp());
        switch (kind) {
            case DELETE -> {
                if (c != null) {
                    table.store().delete(c);
                }
            }
            case UPDATE -> {
                if (c != null) {
                    table.store().update(c, old -> {
                        ctx.bind(combined(e.data(), old), e.timestamp());
                        Object[] updated = old.clone();
                        for (int k = 0; k < setColumns.length; k++) {
                            updated[setColumns[k]] = setValues[k].eval(ctx);
                        }
                        return updated;
                    });
                }
            }
            case UPSERT -> {
                ctx.bind(combined(e.data(), null), e.timestamp());
                Object[] fresh = new Object[row.length];
                for (int k = 0; k < row.length; k++) {
                    fresh[k] = row[k].eval(ctx);
                }
                int updated = c == null ? 0 : table.store().update(c, old -> fresh);
                if (updated == 0) {
                    table.insert(fresh);
                }
            }
            default -> throw new IllegalStateException(kind.toString());
        }
    }

    private Object[] combined(Object[] event, Object[] tableRow) {
        Object[] out = new Object[eventWidth + table.schema().size()];
        System.arraycopy(event, 0, out, 0, eventWidth);
        if (tableRow != null) {
            System.arraycopy(tableRow, 0, out, eventWidth, tableRow.length);
        }
        return out;
    }
}
