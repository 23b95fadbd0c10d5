package peers;

import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.stream.input.InputHandler;
import io.siddhi.core.stream.output.StreamCallback;

public final class SiddhiEngine implements Engine {
    static final String STOCK = "define stream StockStream (symbol string, price double, volume long);\n";
    static final String TRADE = "define stream TradeStream (symbol string, price double, volume long);\n";

    public static String app(String w) {
        switch (w) {
            case "W1":
                return STOCK + "from StockStream[price > 50] select symbol, price insert into Out;";
            case "W2":
                return STOCK + W2_QUERY;
            case "W3":
                return STOCK + "from StockStream#window.lengthBatch(1000) select symbol, sum(volume) as totalVolume "
                        + "group by symbol insert into Out;";
            case "W4":
                return STOCK + TRADE + "from StockStream#window.length(10) as s join TradeStream#window.length(10) as t "
                        + "on s.symbol == t.symbol select s.symbol as symbol, s.price as stockPrice, t.price as tradePrice "
                        + "insert into Out;";
            case "W5":
                return "@app:playback\n" + STOCK
                        + "from every a=StockStream[price > 90] -> b=StockStream[symbol == a.symbol and price < a.price] "
                        + "within 1 sec select a.symbol as symbol, a.price as aPrice, b.price as bPrice insert into Out;";
            default:
                throw new IllegalArgumentException(w);
        }
    }

    public static final String W2_QUERY = "from StockStream#window.length(100) select symbol, price, avg(price) as avgPrice, "
            + "count() as cnt group by symbol insert into Out;";

    private final String w;
    private final SiddhiManager manager;
    private final SiddhiAppRuntime runtime;
    private final InputHandler stock;
    private final InputHandler trade;
    private long count;

    public SiddhiEngine(String w) {
        this.w = w;
        manager = new SiddhiManager();
        runtime = manager.createSiddhiAppRuntime("@app:name('" + w + "')\n" + app(w));
        runtime.addCallback("Out", new StreamCallback() {
            @Override
            public void receive(Event[] events) {
                count += events.length;
            }
        });
        runtime.start();
        stock = runtime.getInputHandler("StockStream");
        trade = w.equals("W4") ? runtime.getInputHandler("TradeStream") : null;
    }

    @Override
    public void sendRound(Object[][] rows, int round) throws Exception {
        final int n = rows.length;
        if (w.equals("W4")) {
            for (int i = 0; i < n; i++) {
                if ((i & 1) == 0) stock.send(rows[i]); else trade.send(rows[i]);
            }
        } else if (w.equals("W5")) {
            long ts = Data.BASE_TS + Data.STEP_MS * (long) n * round;
            for (int i = 0; i < n; i++) {
                stock.send(ts, rows[i]);
                ts += Data.STEP_MS;
            }
        } else {
            InputHandler h = stock;
            for (int i = 0; i < n; i++) {
                h.send(rows[i]);
            }
        }
    }

    @Override
    public long outputs() { return count; }

    @Override
    public void resetOutputs() { count = 0; }

    @Override
    public void close() {
        runtime.shutdown();
        manager.shutdown();
    }
}
