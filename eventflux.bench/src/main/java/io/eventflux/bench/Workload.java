package io.eventflux.bench;

import java.util.Random;

/**
 * The five standard workloads users compare streaming engines with (issue 10): the SQL, the seeded input
 * and the output count the peers produce. The data is generated before any timing.
 */
enum Workload {
    W1("INSERT INTO Out SELECT symbol, price FROM StockStream WHERE price > 50;", 2_000_000, 999_384),
    W2("INSERT INTO Out SELECT symbol, price, avg(price) AS avgPrice, count() AS cnt "
            + "FROM StockStream WINDOW('length', 100) GROUP BY symbol;", 2_000_000, 2_000_000),
    W3("INSERT INTO Out SELECT symbol, sum(volume) AS totalVolume "
            + "FROM StockStream WINDOW('lengthBatch', 1000) GROUP BY symbol;", 2_000_000, 20_000),
    /** Even rows go to StockStream, odd rows to TradeStream; the count is per round in steady state. */
    W4("INSERT INTO Out SELECT s.symbol AS symbol, s.price AS stockPrice, t.price AS tradePrice "
            + "FROM StockStream AS s WINDOW('length', 10) JOIN TradeStream AS t WINDOW('length', 10) "
            + "ON s.symbol = t.symbol;", 1_000_000, 998_549),
    /** Row i has event time {@link #W5_EPOCH} + 110 * i (and + n * 110 more per later round). */
    W5("INSERT INTO Out SELECT a.symbol AS symbol, a.price AS aPrice, b.price AS bPrice "
            + "FROM PATTERN (EVERY a=StockStream[price > 90] -> b=StockStream[symbol = a.symbol AND price < a.price]) "
            + "WITHIN 1 SECOND;", 500_000, 29_562);

    static final String STOCK = "CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume LONG);\n";
    static final String TRADE = "CREATE STREAM TradeStream (symbol STRING, price DOUBLE, volume LONG);\n";
    static final long W5_EPOCH = 1_704_067_200_000L;
    static final long W5_STEP_MS = 110;

    private final String query;
    private final int events;
    private final long expectedOutputs;

    Workload(String query, int events, long expectedOutputs) {
        this.query = query;
        this.events = events;
        this.expectedOutputs = expectedOutputs;
    }

    /** The whole app: stream definitions and the query, whose output stream is {@code Out}. */
    String sql() {
        return STOCK + (this == W4 ? TRADE : "") + query;
    }

    int events() {
        return events;
    }

    /** The peers' output count for one round of {@link #events()} events (W4: steady state). */
    long expectedOutputs() {
        return expectedOutputs;
    }

    /** The stream row {@code i} is sent to. */
    String streamOf(int i) {
        return this == W4 && (i & 1) == 1 ? "TradeStream" : "StockStream";
    }

    /**
     * {@code n} rows {@code (symbol, price, volume)} from {@code new Random(42)}: for each row, in this order,
     * symbol = "SYM" + nextInt(10), price = nextDouble() * 100, volume = 1 + nextInt(1000); row 0 is then
     * replaced by ("SYM0", 75.0, 100L). Every row has its own symbol String, as the peers' generators make.
     */
    static Object[][] rows(int n) {
        Random rnd = new Random(42);
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            String symbol = "SYM" + rnd.nextInt(10);
            double price = rnd.nextDouble() * 100;
            long volume = 1 + rnd.nextInt(1000);
            rows[i] = new Object[] {symbol, price, volume};
        }
        if (n > 0) {
            rows[0] = new Object[] {"SYM0", 75.0, 100L};
        }
        return rows;
    }
}
