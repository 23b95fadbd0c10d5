package peers;

import com.espertech.esper.common.client.EPCompiled;
import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.common.client.configuration.Configuration;
import com.espertech.esper.compiler.client.CompilerArguments;
import com.espertech.esper.compiler.client.EPCompilerProvider;
import com.espertech.esper.runtime.client.EPDeployment;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPRuntimeProvider;
import com.espertech.esper.runtime.client.EPStatement;
import com.espertech.esper.runtime.client.UpdateListener;

public final class EsperEngine implements Engine {
    public static String epl(String w) {
        switch (w) {
            case "W1":
                return "@name('Out') select symbol, price from StockStream where price > 50";
            case "W2":
                return W2_EPL;
            case "W3":
                return "@name('Out') select symbol, sum(volume) as totalVolume from StockStream#length_batch(1000) group by symbol";
            case "W4":
                return "@name('Out') select s.symbol as symbol, s.price as stockPrice, t.price as tradePrice "
                        + "from StockStream#length(10) as s inner join TradeStream#length(10) as t on s.symbol = t.symbol";
            case "W5":
                return "@name('Out') select a.symbol as symbol, a.price as aPrice, b.price as bPrice from pattern "
                        + "[every a=StockStream(price > 90) -> b=StockStream(symbol = a.symbol and price < a.price) where timer:within(1 sec)]";
            default:
                throw new IllegalArgumentException(w);
        }
    }

    public static final String W2_EPL = "@name('Out') select symbol, price, avg(price) as avgPrice, count(*) as cnt "
            + "from StockStream#length(100) group by symbol";

    public static Configuration config() {
        Configuration c = new Configuration();
        String[] names = {"symbol", "price", "volume"};
        Object[] types = {String.class, Double.class, Long.class};
        c.getCommon().addEventType("StockStream", names, types);
        c.getCommon().addEventType("TradeStream", names, types);
        // external clock everywhere: no time-based constructs in W1-W4; W5 is driven by advanceTime
        c.getRuntime().getThreading().setInternalTimerEnabled(false);
        return c;
    }

    public static EPRuntime deploy(String uri, String epl, UpdateListener listener) {
        try {
            Configuration c = config();
            EPCompiled compiled = EPCompilerProvider.getCompiler().compile(epl, new CompilerArguments(c));
            EPRuntime rt = EPRuntimeProvider.getRuntime(uri, c);
            rt.initialize();
            rt.getEventService().advanceTime(Data.BASE_TS);
            EPDeployment dep = rt.getDeploymentService().deploy(compiled);
            for (EPStatement st : dep.getStatements()) {
                st.addListener(listener);
            }
            return rt;
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
    }

    private final String w;
    private final EPRuntime runtime;
    private final EPEventService events;
    private long count;

    public EsperEngine(String w) {
        this.w = w;
        UpdateListener l = (EventBean[] newEvents, EventBean[] oldEvents, EPStatement s, EPRuntime r) -> {
            if (newEvents != null) count += newEvents.length;
        };
        runtime = deploy("peers-" + w, epl(w), l);
        events = runtime.getEventService();
    }

    @Override
    public void sendRound(Object[][] rows, int round) {
        final int n = rows.length;
        final EPEventService es = events;
        if (w.equals("W4")) {
            for (int i = 0; i < n; i++) {
                es.sendEventObjectArray(rows[i], (i & 1) == 0 ? "StockStream" : "TradeStream");
            }
        } else if (w.equals("W5")) {
            long ts = Data.BASE_TS + Data.STEP_MS * (long) n * round;
            for (int i = 0; i < n; i++) {
                es.advanceTime(ts);
                es.sendEventObjectArray(rows[i], "StockStream");
                ts += Data.STEP_MS;
            }
        } else {
            for (int i = 0; i < n; i++) {
                es.sendEventObjectArray(rows[i], "StockStream");
            }
        }
    }

    @Override
    public long outputs() { return count; }

    @Override
    public void resetOutputs() { count = 0; }

    @Override
    public void close() {
        runtime.destroy();
    }
}
