package peers;

import com.espertech.esper.common.client.EventBean;
import com.espertech.esper.runtime.client.EPEventService;
import com.espertech.esper.runtime.client.EPRuntime;
import com.espertech.esper.runtime.client.EPStatement;
import com.espertech.esper.runtime.client.UpdateListener;
import io.siddhi.core.SiddhiAppRuntime;
import io.siddhi.core.SiddhiManager;
import io.siddhi.core.event.Event;
import io.siddhi.core.stream.output.StreamCallback;
import io.siddhi.core.util.transport.InMemoryBroker;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Start-up probe: build the engine, deploy W2, read JSON lines {"symbol": "SYM1", "price": 2.5, "volume": 282}
 * from stdin, send each as an event, print each output as a JSON line (flushed after the first output and at EOF).
 * java -cp peers.jar peers.FirstOutput siddhi|esper
 */
public final class FirstOutput {
    static final BufferedWriter OUT = new BufferedWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16);
    static boolean first = true;

    static void emit(String symbol, double price, double avg, long cnt) {
        try {
            OUT.write("{\"symbol\": \"");
            OUT.write(symbol);
            OUT.write("\", \"price\": ");
            OUT.write(Double.toString(price));
            OUT.write(", \"avgPrice\": ");
            OUT.write(Double.toString(avg));
            OUT.write(", \"cnt\": ");
            OUT.write(Long.toString(cnt));
            OUT.write("}\n");
            if (first) {
                first = false;
                OUT.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        String engine = args.length > 0 ? args[0] : "siddhi";
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        Object[] row = new Object[3];
        String line;
        if (engine.equals("siddhi")) {
            SiddhiManager manager = new SiddhiManager();
            SiddhiAppRuntime rt = manager.createSiddhiAppRuntime("@app:name('FirstOutput')\n"
                    + "@source(type='inMemory', topic='stocks', @map(type='passThrough'))\n"
                    + SiddhiEngine.STOCK + SiddhiEngine.W2_QUERY);
            rt.addCallback("Out", new StreamCallback() {
                @Override
                public void receive(Event[] events) {
                    for (Event e : events) {
                        Object[] d = e.getData();
                        emit((String) d[0], (Double) d[1], (Double) d[2], (Long) d[3]);
                    }
                }
            });
            rt.start();
            while ((line = in.readLine()) != null) {
                if (!parse(line, row)) continue;
                InMemoryBroker.publish("stocks", new Event(System.currentTimeMillis(), new Object[] {row[0], row[1], row[2]}));
            }
            OUT.flush();
            rt.shutdown();
            manager.shutdown();
        } else if (engine.equals("esper")) {
            UpdateListener l = (EventBean[] newEvents, EventBean[] oldEvents, EPStatement s, EPRuntime r) -> {
                if (newEvents == null) return;
                for (EventBean b : newEvents) {
                    emit((String) b.get("symbol"), (Double) b.get("price"), (Double) b.get("avgPrice"), (Long) b.get("cnt"));
                }
            };
            EPRuntime rt = EsperEngine.deploy("first-output", EsperEngine.W2_EPL, l);
            EPEventService es = rt.getEventService();
            while ((line = in.readLine()) != null) {
                if (!parse(line, row)) continue;
                es.sendEventObjectArray(new Object[] {row[0], row[1], row[2]}, "StockStream");
            }
            OUT.flush();
            rt.destroy();
        } else {
            System.err.println("usage: FirstOutput siddhi|esper");
            System.exit(2);
        }
        OUT.flush();
    }

    /** Trivial hand parser for one flat JSON object with keys symbol (string), price (number), volume (integer). */
    static boolean parse(String s, Object[] row) {
        int i = s.indexOf('{');
        if (i < 0) return false;
        row[0] = null; row[1] = null; row[2] = null;
        int n = s.length();
        i++;
        while (i < n) {
            int q1 = s.indexOf('"', i);
            if (q1 < 0) break;
            int q2 = s.indexOf('"', q1 + 1);
            String key = s.substring(q1 + 1, q2);
            int c = s.indexOf(':', q2 + 1) + 1;
            while (c < n && s.charAt(c) == ' ') c++;
            int end;
            String v;
            if (s.charAt(c) == '"') {
                end = s.indexOf('"', c + 1);
                v = s.substring(c + 1, end);
                end++;
            } else {
                end = c;
                while (end < n && s.charAt(end) != ',' && s.charAt(end) != '}' && s.charAt(end) != ' ') end++;
                v = s.substring(c, end);
            }
            switch (key) {
                case "symbol": row[0] = v; break;
                case "price": row[1] = Double.parseDouble(v); break;
                case "volume": row[2] = Long.parseLong(v); break;
                default: break;
            }
            int comma = s.indexOf(',', end);
            if (comma < 0) break;
            i = comma + 1;
        }
        return row[0] != null && row[1] != null && row[2] != null;
    }
}
