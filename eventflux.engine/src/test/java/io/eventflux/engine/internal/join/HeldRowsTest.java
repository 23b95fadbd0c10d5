package io.eventflux.engine.internal.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AttributeType;
import io.eventflux.engine.internal.expr.EvalContext;
import io.eventflux.engine.internal.expr.ExprCompiler;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The held rows of a join side: arrival order, per-key buckets, removal by value, reuse of nodes. */
class HeldRowsTest {

    private static List<Object> keysOf(HeldRows rows, Object key) {
        List<Object> out = new ArrayList<>();
        for (HeldRows.Node n = rows.firstOfKey(key); n != null; n = n.nextOfKey()) {
            out.add(n.data()[1]);
        }
        return out;
    }

    @Test
    void rowsOfAKeyComeOldestFirstAndAnyRowLeavesByValue() {
        HeldRows rows = new HeldRows(row -> row[0]);
        Object[] a1 = {"a", 1};
        rows.add(a1);
        rows.add(new Object[] {"b", 2});
        rows.add(new Object[] {"a", 3});
        rows.add(new Object[] {"a", 4});
        assertThat(keysOf(rows, "a")).containsExactly(1, 3, 4);
        // a row in the middle, as another array with its values (a restored window's event)
        assertThat(rows.remove(new Object[] {"a", 3})).isTrue();
        assertThat(keysOf(rows, "a")).containsExactly(1, 4);
        // the oldest row, the array itself (what a sliding window expires)
        assertThat(rows.remove(a1)).isTrue();
        assertThat(keysOf(rows, "a")).containsExactly(4);
        assertThat(rows.remove(new Object[] {"a", 3})).isFalse();
        assertThat(rows.rowsAsLists()).containsExactly(List.of("b", 2), List.of("a", 4));
        assertThat(rows.size()).isEqualTo(2);
    }

    @Test
    void rowsWithANullKeyAreHeldButMatchNoKey() {
        HeldRows rows = new HeldRows(row -> row[0]);
        rows.add(new Object[] {null, 1});
        rows.add(new Object[] {"a", 2});
        assertThat(rows.firstOfKey(null)).isNull();
        assertThat(rows.rowsAsLists()).hasSize(2);
        assertThat(rows.remove(new Object[] {null, 1})).isTrue();
        assertThat(rows.rowsAsLists()).containsExactly(List.of("a", 2));
    }

    @Test
    void manyKeysComingAndGoingKeepTheIndexExactThroughSweepsAndReusedNodes() {
        HeldRows rows = new HeldRows(row -> row[0]);
        // a sliding window of 50 rows over 10,000 distinct keys, then repeated keys: buckets empty and are swept
        ArrayList<Object[]> window = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            Object[] row = {(long) (i < 5_000 ? i : i % 7), i};
            window.add(row);
            rows.add(row);
            if (window.size() > 50) {
                assertThat(rows.remove(window.remove(0))).isTrue();
            }
        }
        assertThat(rows.size()).isEqualTo(50);
        for (long k = 0; k < 7; k++) {
            List<Object> expected = new ArrayList<>();
            for (Object[] row : window) {
                if (row[0].equals(k)) {
                    expected.add(row[1]);
                }
            }
            assertThat(keysOf(rows, k)).containsExactlyElementsOf(expected);
        }
        assertThat(rows.firstOfKey(4_000L)).isNull();
        List<List<Object>> all = new ArrayList<>();
        for (Object[] row : window) {
            all.add(Arrays.asList(row));
        }
        assertThat(rows.rowsAsLists()).containsExactlyElementsOf(all);
    }

    @Test
    void twoStreamJoinsHandRowsOutOneByOneAsTheListPathDoes() {
        EvalContext ctx = new EvalContext();
        ExprCompiler compiler = new ExprCompiler(() -> 0L, ctx, new int[] {0, 2});
        TypedExpr leftK = new TypedExpr.AttributeRef(0, 0, "k", AttributeType.STRING);
        TypedExpr rightK = new TypedExpr.AttributeRef(1, 0, "k", AttributeType.STRING);
        TypedExpr on = new TypedExpr.Binary(TypedExpr.BinaryOp.EQ, leftK, rightK, AttributeType.BOOL);
        for (boolean indexed : new boolean[] {true, false}) {
            HeldRows left = new HeldRows(indexed ? row -> row[0] : null);
            HeldRows right = new HeldRows(indexed ? row -> row[0] : null);
            left.add(new Object[] {"x", "l1"});
            right.add(new Object[] {"x", "r1"});
            right.add(new Object[] {"y", "r2"});
            right.add(new Object[] {"x", "r3"});
            JoinMatcher.Step step = new JoinMatcher.Step(false, false, compiler.compile(on),
                    indexed ? compiler.compile(leftK) : null, indexed ? compiler.compile(rightK) : null);
            JoinMatcher m = new JoinMatcher(new JoinSource[] {left, right}, new int[] {2, 2},
                    new JoinMatcher.Step[] {null, step}, ctx);
            List<List<Object>> streamed = new ArrayList<>();
            m.match(0, new Object[] {"x", "new"}, 1, row -> streamed.add(List.copyOf(Arrays.asList(row))));
            assertThat(streamed).containsExactly(List.of("x", "new", "x", "r1"), List.of("x", "new", "x", "r3"));
            assertThat(m.match(0, new Object[] {"x", "new"}, 1).stream().map(Arrays::asList).toList())
                    .isEqualTo(streamed);
            streamed.clear();
            m.match(1, new Object[] {"x", "newR"}, 1, row -> streamed.add(List.copyOf(Arrays.asList(row))));
            assertThat(streamed).containsExactly(List.of("x", "l1", "x", "newR"));
        }
    }
}
