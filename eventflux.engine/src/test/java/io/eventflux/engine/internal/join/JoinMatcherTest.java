package io.eventflux.engine.internal.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.sql.plan.TypedExpr;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Equality conditions are served from the held rows' hash index, never by scanning. */
class JoinMatcherTest {
    private static final TypedExpr LEFT_K = new TypedExpr.AttributeRef(0, 0, "k", AttributeType.INT);
    private static final TypedExpr RIGHT_K = new TypedExpr.AttributeRef(1, 0, "k", AttributeType.LONG);
    private static final TypedExpr ON = new TypedExpr.Binary(TypedExpr.BinaryOp.EQ, LEFT_K, RIGHT_K,
            AttributeType.BOOL);

    /** Held rows that fail the test if anyone scans them. */
    private static final class NoScan implements JoinSource {
        final HeldRows rows;

        NoScan(HeldRows rows) {
            this.rows = rows;
        }

        @Override
        public Iterable<Object[]> all() {
            throw new AssertionError("scanned");
        }

        @Override
        public boolean indexed() {
            return true;
        }

        @Override
        public Iterable<Object[]> lookup(Object key) {
            return rows.lookup(key);
        }
    }

    @Test
    void bothDirectionsLookUpTheOtherSidesIndexAcrossNumericTypes() {
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(() -> 0L, ctx, new int[] {0, 2});
        HeldRows left = new HeldRows(row -> row[0]);
        HeldRows right = new HeldRows(row -> row[0]);
        left.add(new Object[] {1, "l1"});
        left.add(new Object[] {2, "l2"});
        right.add(new Object[] {1L, "r1"});
        right.add(new Object[] {1L, "r1"});
        right.add(new Object[] {3L, "r3"});
        JoinMatcher.Step step = new JoinMatcher.Step(false, false, compiler.compile(ON), compiler.compile(LEFT_K),
                compiler.compile(RIGHT_K));
        JoinMatcher m = new JoinMatcher(new JoinSource[] {new NoScan(left), new NoScan(right)}, new int[] {2, 2},
                new JoinMatcher.Step[] {null, step}, ctx);
        assertThat(m.match(0, new Object[] {1, "new"}, 5).stream().map(Arrays::asList).toList())
                .containsExactly(List.of(1, "new", 1L, "r1"), List.of(1, "new", 1L, "r1"));
        assertThat(m.match(1, new Object[] {2L, "newR"}, 5).stream().map(Arrays::asList).toList())
                .containsExactly(List.of(2, "l2", 2L, "newR"));
        assertThat(m.match(1, new Object[] {null, "nullKey"}, 5)).isEmpty();
    }

    @Test
    void heldRowsRemoveByValueAndKeepTheIndexInStep() {
        HeldRows rows = new HeldRows(row -> row[0]);
        rows.add(new Object[] {"a", 1});
        rows.add(new Object[] {"a", 1});
        rows.add(new Object[] {"b", 2});
        assertThat(rows.remove(new Object[] {"a", 1})).isTrue(); // another array with the same values
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.lookup("a")).hasSize(1);
        assertThat(rows.remove(new Object[] {"a", 1})).isTrue();
        assertThat(rows.lookup("a")).isEmpty();
        assertThat(rows.remove(new Object[] {"zz", 0})).isFalse();
        assertThat(rows.rowsAsLists()).containsExactly(List.of("b", 2));
    }
}
