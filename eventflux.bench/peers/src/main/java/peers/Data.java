package peers;

import java.util.Random;

/** Pre-generated rows, exactly as in the method: Random(42), symbol, price, volume; row 0 fixed. */
public final class Data {
    public static final long BASE_TS = 1704067200000L;
    public static final long STEP_MS = 110L;

    private Data() {}

    public static Object[][] rows(int n) {
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

    /** Default event count per workload. */
    public static int defaultEvents(String w) {
        switch (w) {
            case "W4": return 1_000_000;
            case "W5": return 500_000;
            default: return 2_000_000;
        }
    }

    /** Expected outputs per (steady-state) round at the default event count. */
    public static long expectedOutputs(String w) {
        switch (w) {
            case "W1": return 999_384L;
            case "W2": return 2_000_000L;
            case "W3": return 20_000L;
            case "W4": return 998_549L;
            case "W5": return 29_562L;
            default: return -1;
        }
    }
}
