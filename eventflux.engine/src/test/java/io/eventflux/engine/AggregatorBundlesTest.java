package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.eventflux.api.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every aggregator bundle through SQL over a sliding {@code length(3)} window, so every one of them also
 * removes values as events expire (SQL.md 3.2, 5): each column's value after each of five arrivals, with
 * NULLs skipped, result types as SQL.md says, and the same rows after a snapshot and restore at every step.
 */
class AggregatorBundlesTest {
    private static final String SCHEMA = "CREATE STREAM S (i INT, l LONG, d DOUBLE, s STRING, b BOOL);\n";

    /** One aggregate column and its value after each arrival (window contents in the comment below). */
    private record Column(String expression, Object... expected) {
    }

    // window after each arrival: {e1}, {e1,e2}, {e1,e2,e3}, {e2,e3,e4}, {e3,e4,e5}
    private static final Object[][] INPUT = {
        {3, 30L, 1.5, "pear", true},
        {1, 10L, 2.5, "apple", false},
        {3, 30L, 4.0, "zebra", true},
        {null, 20L, -1.0, null, true},
        {5, 50L, 0.5, "kiwi", true},
    };

    private static final List<Column> COLUMNS = List.of(
            new Column("count()", 1L, 2L, 3L, 3L, 3L),
            new Column("count(i)", 1L, 2L, 3L, 2L, 2L),
            new Column("sum(i)", 3L, 4L, 7L, 4L, 8L),
            new Column("sum(d)", 1.5, 4.0, 8.0, 5.5, 3.5),
            new Column("SUM(DISTINCT i)", 3L, 4L, 4L, 4L, 8L),
            new Column("COUNT(DISTINCT i)", 1L, 2L, 2L, 2L, 2L),
            new Column("distinctCount(l)", 1L, 2L, 2L, 3L, 3L),
            new Column("avg(i)", 3.0, 2.0, 7 / 3.0, 2.0, 4.0),
            new Column("avg(d)", 1.5, 2.0, 8 / 3.0, 5.5 / 3, 3.5 / 3),
            new Column("min(i)", 3, 1, 1, 1, 3),
            new Column("max(i)", 3, 3, 3, 3, 5),
            new Column("min(d)", 1.5, 1.5, 1.5, -1.0, -1.0),
            new Column("max(l)", 30L, 30L, 30L, 30L, 50L),
            new Column("min(s)", "pear", "apple", "apple", "apple", "kiwi"),
            new Column("max(s)", "pear", "pear", "zebra", "zebra", "zebra"),
            new Column("stdDev(d)", 0.0, 0.5, 1.0274023338281628, 2.094967514996089, 2.094967514996089),
            new Column("variance(d)", 0.0, 0.25, 1.0555555555555556, 4.388888888888889, 4.388888888888889),
            new Column("first(s)", "pear", "pear", "pear", "apple", "zebra"),
            new Column("last(s)", "pear", "apple", "zebra", "zebra", "kiwi"),
            new Column("minForever(i)", 3, 1, 1, 1, 1),
            new Column("maxForever(s)", "pear", "pear", "zebra", "zebra", "zebra"),
            new Column("and(b)", true, false, false, false, true),
            new Column("or(NOT b)", false, true, true, true, false),
            new Column("unionSet(s)", Set.of("pear"), Set.of("pear", "apple"), Set.of("pear", "apple", "zebra"),
                    Set.of("apple", "zebra"), Set.of("zebra", "kiwi")),
            new Column("percentile(d, 50)", 1.5, 1.5, 2.5, 2.5, 0.5));

    private static Scenario scenario(String sql) {
        Scenario s = Scenario.of(sql);
        for (int i = 0; i < INPUT.length; i++) {
            s.send(i + 1, INPUT[i].clone());
        }
        return s;
    }

    private static String sql() {
        List<String> select = new ArrayList<>();
        for (int c = 0; c < COLUMNS.size(); c++) {
            select.add(COLUMNS.get(c).expression() + " AS c" + c);
        }
        return SCHEMA + "INSERT INTO Out SELECT " + String.join(", ", select) + " FROM S WINDOW('length', 3);";
    }

    @Test
    void everyAggregatorAddsAndRemovesOverASlidingWindow() {
        List<Event> out = scenario(sql()).events();
        assertThat(out).hasSize(INPUT.length);
        for (int c = 0; c < COLUMNS.size(); c++) {
            Column column = COLUMNS.get(c);
            for (int row = 0; row < INPUT.length; row++) {
                Object actual = out.get(row).get(c);
                Object expected = column.expected()[row];
                String what = column.expression() + " after arrival " + (row + 1);
                if (expected instanceof Double d) {
                    assertThat(actual).as(what).isInstanceOf(Double.class);
                    assertThat((Double) actual).as(what).isCloseTo(d, within(1e-12));
                } else if (expected instanceof Set<?> set) {
                    assertThat(new ArrayList<Object>((Set<?>) actual)).as(what).isEqualTo(orderOf(set, row));
                } else {
                    assertThat(actual).as(what).isEqualTo(expected);
                    assertThat(actual.getClass()).as(what + " type").isEqualTo(expected.getClass());
                }
            }
        }
    }

    /** unionSet keeps the order of first arrival; the expected sets above are unordered. */
    private static List<Object> orderOf(Set<?> set, int row) {
        List<Object> order = new ArrayList<>();
        for (int i = 0; i <= row; i++) {
            Object s = INPUT[i][3];
            if (s != null && set.contains(s) && !order.contains(s)) {
                order.add(s);
            }
        }
        return order;
    }

    @Test
    void everyAggregatorSnapshotsAndRestoresMidWindow() {
        // the expected rows are those of the plain run, checked above column by column
        List<Event> plain = scenario(sql()).events();
        scenario(sql()).expect(Scenario.rows(plain).toArray(String[]::new));
    }

    @Test
    void nullsAreSkippedAndEmptyAggregatesAreNullOrZero() {
        scenario(SCHEMA + "INSERT INTO Out SELECT sum(i) AS s, avg(i) AS a, min(s) AS mn, count(s) AS n, "
                + "distinctCount(s) AS dc, first(s) AS f, stdDev(i) AS sd FROM S WINDOW('length', 1) WHERE i IS NULL;")
                .expect("4:[null, null, null, 0, 0, null, null]");
    }

    @Test
    void batchWindowsResetAggregatorsButForeverOnesKeepTheirValue() {
        Scenario.of("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT maxForever(v) AS mf, max(v) AS m, "
                        + "minForever(v) AS nf, sum(v) AS s FROM S WINDOW('lengthBatch', 2);")
                .send(1, 5).send(2, 3).send(3, 1).send(4, 2).send(5, 9).send(6, 9)
                .expect("2:[5, 5, 3, 8]", "4:[5, 2, 1, 3]", "6:[9, 9, 1, 18]");
    }

    @Test
    void aggregatorsPerGroupOverATimeWindowRemoveOnTimers() {
        Scenario.of("CREATE STREAM S (k STRING, v DOUBLE);\nINSERT ALL EVENTS INTO Out SELECT k, min(v) AS mn, "
                        + "max(v) AS mx, last(v) AS l, stdDev(v) AS sd FROM S WINDOW('time', 1 SECOND) GROUP BY k;")
                .send(0, "a", 4.0).send(100, "b", 1.0).send(200, "a", 2.0).advance(1000).send(1150, "a", 6.0)
                .advance(2500)
                .expect("0:[a, 4.0, 4.0, 4.0, 0.0]", "100:[b, 1.0, 1.0, 1.0, 0.0]", "200:[a, 2.0, 4.0, 2.0, 1.0]",
                        "1000:expired:[a, 2.0, 2.0, 2.0, 0.0]", "1100:expired:[b, null, null, null, null]",
                        "1150:[a, 2.0, 6.0, 6.0, 2.0]", "1200:expired:[a, 6.0, 6.0, 6.0, 0.0]",
                        "2150:expired:[a, null, null, null, null]");
    }
}
