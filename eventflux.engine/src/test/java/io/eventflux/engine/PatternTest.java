package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/**
 * Patterns and sequences (SQL.md 3.5) with exact outputs; every scenario also runs snapshot -> restore ->
 * continue at every step, so partial matches survive restores in the middle.
 */
class PatternTest {
    private static final String STREAMS = """
            CREATE STREAM A (id INT, price DOUBLE);
            CREATE STREAM B (id INT, price DOUBLE);
            CREATE STREAM C (id INT, price DOUBLE);
            """;

    private static Scenario app(String query) {
        return Scenario.of(STREAMS + query);
    }

    @Test
    void case05RisingTemperature() {
        Scenario.of("""
                CREATE STREAM Temp (room INT, temp DOUBLE);
                INSERT INTO Out
                SELECT e1.room AS room, e1.temp AS first, e2.temp AS second
                FROM PATTERN (EVERY e1=Temp[temp > 30] -> e2=Temp[room = e1.room AND temp > e1.temp]) WITHIN 10 SECONDS;
                """)
                .sendTo("Temp", 1000, 1, 31.0).sendTo("Temp", 2000, 2, 35.0).sendTo("Temp", 3000, 1, 32.0)
                .sendTo("Temp", 4000, 2, 20.0).sendTo("Temp", 5000, 2, 36.0)
                .expect("3000:[1, 31.0, 32.0]", "5000:[2, 35.0, 36.0]");
    }

    @Test
    void everyOnTheFirstElementStartsAMatchPerEvent() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("3:[1, 3]", "3:[2, 3]");
    }

    @Test
    void everyOnAGroupRestartsOnlyAfterItCompletes() {
        String q = "INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A -> e2=B));";
        app(q).sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0).expect("3:[1, 3]");
        app(q).sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("2:[1, 2]", "4:[3, 4]");
    }

    @Test
    void withoutEveryAPatternMatchesOnce() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (e1=A -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0).sendTo("A", 4, 4, 1.0)
                .sendTo("B", 5, 5, 1.0).expect("3:[1, 3]");
    }

    @Test
    void everyInsideThePattern() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (e1=A -> EVERY e2=B);")
                .sendTo("B", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("3:[2, 3]", "4:[2, 4]");
    }

    @Test
    void longChainsWithFiltersReferencesAndWhere() {
        app("""
                INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c, e3.price - e1.price AS gain
                FROM PATTERN (EVERY e1=A[price > 10] -> e2=B[price > e1.price] -> e3=C[price > e2.price])
                WHERE e3.id < 100;
                """)
                .sendTo("A", 1, 1, 5.0).sendTo("A", 2, 2, 20.0).sendTo("B", 3, 3, 15.0).sendTo("B", 4, 4, 25.0)
                .sendTo("C", 5, 100, 30.0).sendTo("A", 6, 6, 11.0).sendTo("B", 7, 7, 12.0).sendTo("C", 8, 8, 40.0)
                .expect("8:[6, 7, 8, 29.0]");
    }

    @Test
    void withinDropsPartialMatchesInEventTime() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 1 SECOND;")
                .sendTo("A", 0, 1, 1.0).sendTo("A", 500, 2, 1.0).sendTo("B", 1200, 3, 1.0)
                .sendTo("A", 2000, 4, 1.0).sendTo("B", 3000, 5, 1.0)
                .expect("1200:[2, 3]", "3000:[4, 5]");
    }

    @Test
    void oneEventCompletingSeveralMatchesEmitsThemInTheOrderTheyBegan() {
        app("""
                INSERT INTO Out SELECT e1.id AS a, e2.id AS b
                FROM PATTERN (EVERY e1=A -> e2=A[price > e1.price]);
                """)
                .sendTo("A", 1, 1, 3.0).sendTo("A", 2, 2, 2.0).sendTo("A", 3, 3, 1.0).sendTo("A", 4, 4, 9.0)
                .expect("4:[1, 4]", "4:[2, 4]", "4:[3, 4]");
    }

    // ------------------------------------------------------------------ SEQUENCE

    @Test
    void patternIgnoresEventsInBetweenWhileSequenceResets() {
        String body = " (EVERY e1=A -> e2=B);";
        String select = "INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM ";
        app(select + "PATTERN" + body).sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0)
                .expect("3:[1, 3]", "3:[2, 3]");
        app(select + "SEQUENCE" + body).sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0)
                .expect("3:[2, 3]");
    }

    @Test
    void sequenceNeedsConsecutiveEventsOfItsStreamsOnly() {
        String q = " (e1=A -> e2=B -> e3=C);";
        String select = "INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM ";
        app(select + "PATTERN" + q).sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("A", 3, 3, 1.0)
                .sendTo("B", 4, 4, 1.0).sendTo("C", 5, 5, 1.0).expect("5:[1, 2, 5]");
        // A3 breaks A1 B2 (C expected): the sequence starts over with A3
        app(select + "SEQUENCE" + q).sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("A", 3, 3, 1.0)
                .sendTo("B", 4, 4, 1.0).sendTo("C", 5, 5, 1.0).expect("5:[3, 4, 5]");
        // events of streams the sequence does not read do not break it
        app("CREATE STREAM D (id INT);" + select + "SEQUENCE (e1=A -> e2=B -> e3=C);")
                .sendTo("A", 1, 1, 1.0).sendTo("D", 2, 9).sendTo("B", 3, 3, 1.0).sendTo("C", 4, 4, 1.0)
                .expect("4:[1, 3, 4]");
    }

    @Test
    void sequenceWithOneOrMore() {
        app("""
                INSERT INTO Out SELECT e1[0].id AS first, e1[last].id AS last, count(e1) AS n, e2.id AS b
                FROM SEQUENCE (EVERY e1=A+ -> e2=B);
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0)
                .sendTo("A", 4, 4, 1.0).sendTo("B", 5, 5, 1.0)
                .expect("3:[1, 2, 2, 3]", "3:[2, 2, 1, 3]", "5:[4, 4, 1, 5]");
    }

    // ------------------------------------------------------------------ counted elements

    @Test
    void countedElementsWithIndexesAndAggregates() {
        app("""
                INSERT INTO Out SELECT e1[0].id AS i0, e1[1].id AS i1, e1[last].id AS il, e1[last-1].id AS il1,
                    e1[5].id AS missing, count(e1) AS n, avg(e1.price) AS avgPrice, e2.id AS b
                FROM PATTERN (e1=A{2,3} -> e2=B);
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 2.0).sendTo("A", 3, 3, 3.0).sendTo("A", 4, 4, 4.0)
                .sendTo("B", 5, 5, 0.0)
                .expect("5:[1, 2, 3, 2, null, 3, 2.0, 5]");
    }

    @Test
    void countedElementEndsWhenTheNextElementArrives() {
        app("""
                INSERT INTO Out SELECT count(e1) AS n, sum(e1.price) AS total, e2.id AS b
                FROM PATTERN (e1=A[price > 0]{2,} -> e2=B);
                """)
                .sendTo("B", 1, 1, 0.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 0.0).sendTo("A", 4, 4, 2.0)
                .sendTo("A", 5, 5, -1.0).sendTo("A", 6, 6, 3.0).sendTo("B", 7, 7, 0.0)
                .expect("7:[3, 6.0, 7]");
    }

    @Test
    void optionalElements() {
        String q = "INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM PATTERN (EVERY e1=A -> e2=B? -> e3=C);";
        app(q).sendTo("A", 1, 1, 1.0).sendTo("C", 2, 2, 1.0).expect("2:[1, null, 2]");
        app(q).sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("C", 3, 3, 1.0).expect("3:[1, 2, 3]");
        app("INSERT INTO Out SELECT e1.id AS a, count(e2) AS n, e3.id AS c FROM PATTERN (e1=A -> e2=B* -> e3=C);")
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("B", 3, 3, 1.0).sendTo("C", 4, 4, 1.0)
                .expect("4:[1, 2, 4]");
    }

    @Test
    void everyOnACountedElementStartsAtEachEvent() {
        app("""
                INSERT INTO Out SELECT e1[0].id AS a0, e1[1].id AS a1, e2.id AS b
                FROM PATTERN (EVERY e1=A{2} -> e2=B);
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("4:[1, 2, 4]", "4:[2, 3, 4]");
    }

    // ------------------------------------------------------------------ AND / OR

    @Test
    void logicalAndWaitsForBothInAnyOrder() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM PATTERN (EVERY e1=A -> e2=B AND e3=C);")
                .sendTo("A", 1, 1, 1.0).sendTo("C", 2, 2, 1.0).sendTo("B", 3, 3, 1.0)
                .sendTo("A", 4, 4, 1.0).sendTo("B", 5, 5, 1.0).sendTo("B", 6, 6, 1.0).sendTo("C", 7, 7, 1.0)
                .expect("3:[1, 3, 2]", "7:[4, 5, 7]");
    }

    @Test
    void logicalOrTakesEither() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b, e3.id AS c FROM PATTERN (EVERY e1=A -> e2=B OR e3=C);")
                .sendTo("A", 1, 1, 1.0).sendTo("C", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("2:[1, null, 2]", "4:[3, 4, null]");
    }

    // ------------------------------------------------------------------ absent elements, WITHIN n EVENTS, bounds

    @Test
    void absentElementFiresOnTheTimerInVirtualTime() {
        app("INSERT INTO Out SELECT e1.id AS a FROM PATTERN (EVERY e1=A -> NOT B FOR 5 SECONDS);")
                .sendTo("A", 1000, 1, 1.0).advance(5999).advance(7000)
                .sendTo("A", 10_000, 2, 1.0).sendTo("B", 12_000, 3, 1.0).advance(20_000)
                .sendTo("A", 21_000, 4, 1.0).sendTo("A", 22_000, 5, 1.0).sendTo("C", 26_500, 9, 1.0).advance(27_000)
                .expect("6000:[1]", "26000:[4]", "27000:[5]");
    }

    @Test
    void absentElementInTheMiddle() {
        app("INSERT INTO Out SELECT e1.id AS a, e3.id AS c FROM PATTERN (EVERY e1=A -> NOT B FOR 1 SECOND -> e3=C);")
                .sendTo("A", 0, 1, 1.0).sendTo("C", 500, 2, 1.0).sendTo("C", 1500, 3, 1.0)
                .sendTo("A", 2000, 4, 1.0).sendTo("B", 2500, 5, 1.0).sendTo("C", 4000, 6, 1.0)
                .expect("1500:[1, 3]");
    }

    @Test
    void absentElementAndAnElement() {
        app("INSERT INTO Out SELECT e1.id AS a, e3.id AS c FROM PATTERN (EVERY e1=A -> NOT B[price > 5] AND e3=C);")
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 9.0).sendTo("C", 3, 3, 1.0)
                .sendTo("A", 4, 4, 1.0).sendTo("B", 5, 5, 1.0).sendTo("C", 6, 6, 1.0)
                .expect("6:[4, 6]");
    }

    @Test
    void withinEventsBoundsTheSpanInEvents() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B) WITHIN 2 EVENTS;")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("B", 3, 3, 1.0)
                .expect("3:[2, 3]");
    }

    @Test
    void everyGroupStartsAgainWhenWithinKillsIt() {
        app("INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A -> e2=B)) WITHIN 1 SECOND;")
                .sendTo("A", 0, 1, 1.0).sendTo("A", 2000, 2, 1.0).sendTo("B", 2500, 3, 1.0)
                .expect("2500:[2, 3]");
    }

    @Test
    void maxPartialMatchesDropsTheOldest() {
        Scenario.of("@app:pattern(max.partial.matches = 2)\n" + STREAMS
                + "INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B);")
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .expect("4:[2, 4]", "4:[3, 4]");
    }

    @Test
    void absentFirstStepCountsFromTheStartAndAgainAfterEachUnwantedEvent() {
        app("INSERT INTO Out SELECT e2.id AS b FROM PATTERN (NOT A FOR 1 SECOND -> e2=B);")
                .advance(0).sendTo("A", 500, 1, 1.0).sendTo("B", 1000, 2, 1.0).sendTo("B", 1600, 3, 1.0)
                .sendTo("B", 1700, 4, 1.0)
                .expect("1600:[3]");
    }

    @Test
    void selectorAggregatesAndGroupByRunOverTheMatches() {
        app("""
                INSERT INTO Out SELECT e1.id AS a, count() AS matches, sum(e2.price) AS total
                FROM PATTERN (EVERY e1=A -> e2=B) GROUP BY e1.id;
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 5.0).sendTo("A", 3, 1, 1.0).sendTo("A", 4, 7, 1.0)
                .sendTo("B", 5, 5, 6.0)
                .expect("2:[1, 1, 5.0]", "5:[1, 2, 11.0]", "5:[7, 1, 6.0]");
    }

    @Test
    void filtersMayReadIndexedEventsAndAggregatesOfEarlierCountedElements() {
        app("""
                INSERT INTO Out SELECT e1[0].id AS first, count(e1) AS n, e2.id AS b
                FROM PATTERN (e1=A{3} -> e2=B[price > avg(e1.price) AND price < e1[last].price]);
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("A", 2, 2, 2.0).sendTo("A", 3, 3, 6.0)
                .sendTo("B", 4, 4, 2.0).sendTo("B", 5, 5, 7.0).sendTo("B", 6, 6, 4.0)
                .expect("6:[1, 3, 6]");
    }

    @Test
    void sequenceResetsACountedElementThatIsInterrupted() {
        app("""
                INSERT INTO Out SELECT e1[0].id AS a0, e1[1].id AS a1, e2.id AS b
                FROM SEQUENCE (e1=A{2} -> e2=B) WITHIN 10 SECONDS;
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("A", 4, 4, 1.0)
                .sendTo("B", 5, 5, 1.0)
                .expect("5:[3, 4, 5]");
    }

    @Test
    void patternRowsGoThroughOutputRateLimiting() {
        app("""
                INSERT INTO Out SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY e1=A -> e2=B)
                OUTPUT LAST EVERY 2 EVENTS;
                """)
                .sendTo("A", 1, 1, 1.0).sendTo("B", 2, 2, 1.0).sendTo("A", 3, 3, 1.0).sendTo("B", 4, 4, 1.0)
                .sendTo("A", 5, 5, 1.0).sendTo("B", 6, 6, 1.0)
                // the held row of the unfinished period comes out at the graceful shutdown
                .expect("4:[3, 4]", "6:[5, 6]");
    }
}
