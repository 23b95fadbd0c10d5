package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * A pattern as an input of a join (SQL.md 3.5): each match is an event of the pattern input, joined against a
 * table or a windowed stream. Every scenario also snapshots, restores and continues at every step.
 */
class PatternJoinTest {
    private static final String STREAMS = """
            CREATE STREAM A (id INT, price DOUBLE);
            CREATE STREAM B (id INT, price DOUBLE);
            CREATE STREAM Prices (sym STRING, id INT, level DOUBLE);
            CREATE TABLE Limits (id INT PRIMARY KEY, label STRING);
            INSERT INTO Limits SELECT id, sym AS label FROM Prices;
            """;

    @Test
    void patternJoinTable() {
        Scenario.of(STREAMS + """
                INSERT INTO Out
                SELECT p.e1_id AS id, p.e1_price AS first, p.e2_price AS second, t.label AS label
                FROM PATTERN (EVERY e1=A -> e2=B[price > e1.price]) AS p
                JOIN Limits AS t ON p.e1_id = t.id;
                """)
                .send("Prices", 1, "one", 1, 0.0).send("Prices", 2, "two", 2, 0.0)
                .send("A", 3, 1, 10.0).send("B", 4, 7, 5.0).send("B", 5, 8, 11.0)
                .send("A", 6, 3, 1.0).send("B", 7, 9, 2.0)
                .send("A", 8, 2, 4.0).send("B", 9, 9, 5.0)
                .expect("5:[1, 10.0, 11.0, one]", "9:[2, 4.0, 5.0, two]");
    }

    @Test
    void leftOuterPatternJoinTablePadsAMatchWithoutRow() {
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT p.e1_id AS id, label
                FROM PATTERN (EVERY e1=A -> e2=B) AS p LEFT JOIN Limits ON p.e1_id = Limits.id;
                """)
                .send("Prices", 1, "one", 1, 0.0).send("A", 2, 1, 1.0).send("B", 3, 1, 1.0)
                .send("A", 4, 5, 1.0).send("B", 5, 1, 1.0)
                .expect("3:[1, one]", "5:[5, null]");
    }

    @Test
    void patternJoinWindowedStream() {
        Scenario.of(STREAMS + """
                INSERT INTO Out
                SELECT p.e1_id AS id, p.e2_price - p.e1_price AS rise, s.sym AS sym, s.level AS level
                FROM PATTERN (EVERY e1=A -> e2=B[price > e1.price]) WITHIN 1 SECOND AS p
                JOIN Prices WINDOW('length', 2) AS s ON p.e1_id = s.id AND p.e2_price > s.level;
                """)
                .send("Prices", 1, "x", 1, 5.0).send("Prices", 2, "y", 1, 50.0)
                .send("A", 3, 1, 10.0).send("B", 4, 1, 12.0)
                .send("Prices", 5, "z", 1, 1.0)
                .send("A", 6, 1, 20.0).send("B", 2000, 1, 30.0)
                .send("A", 2001, 1, 2.0).send("B", 2002, 1, 3.0)
                .expect("4:[1, 2.0, x, 5.0]", "2002:[1, 1.0, z, 1.0]");
    }

    @Test
    void aStreamArrivalDoesNotMatchEarlierPatternMatches() {
        // the pattern input holds nothing: only its matches trigger, a later stream event finds no match
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT p.A_id AS a, p.B_id AS b, s.sym AS sym
                FROM PATTERN (A -> B) AS p JOIN Prices WINDOW('length', 5) AS s ON p.A_id = s.id;
                """)
                .send("A", 1, 1, 1.0).send("B", 2, 2, 1.0).send("Prices", 3, "late", 1, 0.0)
                .expect();
    }

    @Test
    void sequenceAsAJoinInput() {
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT p.e1_id AS a, p.e2_id AS b, label
                FROM SEQUENCE (EVERY e1=A, e2=B) AS p JOIN Limits ON p.e2_id = Limits.id;
                """.replace("e1=A, e2=B", "e1=A -> e2=B"))
                .send("Prices", 1, "one", 1, 0.0).send("A", 2, 7, 1.0).send("A", 3, 8, 1.0).send("B", 4, 1, 1.0)
                .expect("4:[8, 1, one]");
    }

    @Test
    void aWindowOnThePatternInputHoldsMatchesForLaterStreamEvents() {
        // the last match is held: each Prices event (no window, it only triggers) is joined with it
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT s.sym AS sym, p.e1_id AS a, p.e2_id AS b
                FROM PATTERN (EVERY e1=A -> e2=B) AS p WINDOW('length', 1) JOIN Prices AS s ON s.level >= p.e2_price;
                """)
                .send("Prices", 1, "early", 0, 9.0).send("A", 2, 1, 1.0).send("B", 3, 2, 5.0)
                .send("Prices", 4, "low", 0, 4.0).send("Prices", 5, "high", 0, 6.0)
                .send("A", 6, 3, 1.0).send("B", 7, 4, 2.0).send("Prices", 8, "again", 0, 4.0)
                .expect("5:[high, 1, 2]", "8:[again, 3, 4]");
    }

    @Test
    void patternJoinInsideAPartitionMatchesPerKey() {
        // one pattern state machine and one window per key: y's match never sees x's events
        Scenario.of("""
                CREATE STREAM A (k STRING, v INT);
                CREATE STREAM B (k STRING, v INT);
                CREATE STREAM Names (k STRING, name STRING);
                PARTITION WITH (k OF A, k OF B, k OF Names) BEGIN
                  INSERT INTO Out SELECT p.e1_k AS k, p.e1_v AS first, p.e2_v AS second, n.name AS name
                  FROM PATTERN (EVERY e1=A -> e2=B) AS p JOIN Names WINDOW('length', 1) AS n ON p.e1_k = n.k;
                END;
                """)
                .send("Names", 1, "x", "Ex").send("Names", 2, "y", "Why")
                .send("A", 3, "x", 1).send("A", 4, "y", 2).send("B", 5, "y", 3).send("B", 6, "x", 4)
                .send("Names", 7, "x", "Ex2").send("B", 8, "x", 5).send("A", 9, "x", 6).send("B", 10, "x", 7)
                .expect("5:[y, 2, 3, Why]", "6:[x, 1, 4, Ex]", "10:[x, 6, 7, Ex2]");
    }

    @Test
    void anAbsentPatternFiresOnItsTimerIntoTheJoin() {
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT p.e1_id AS id, label
                FROM PATTERN (EVERY e1=A -> NOT B[id == e1.id] FOR 1 SECOND) AS p JOIN Limits ON p.e1_id = Limits.id;
                """)
                .send("Prices", 1, "one", 1, 0.0).send("Prices", 2, "two", 2, 0.0)
                .send("A", 10, 1, 1.0).send("A", 20, 2, 1.0).send("B", 500, 2, 1.0).advance(3000)
                .expect("1010:[1, one]");
    }

    @Test
    void aCountedElementGivesItsLastEvent() {
        Scenario.of(STREAMS + """
                INSERT INTO Out SELECT p.e1_price AS lastA, p.e2_id AS b, label
                FROM PATTERN (e1=A{2} -> e2=B) AS p JOIN Limits ON p.e2_id = Limits.id;
                """)
                .send("Prices", 1, "one", 1, 0.0).send("A", 2, 1, 1.5).send("A", 3, 1, 2.5).send("B", 4, 1, 0.0)
                .expect("4:[2.5, 1, one]");
    }
}
