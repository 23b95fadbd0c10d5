package io.eventflux.bench;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.MappingException;
import io.eventflux.api.io.SourceMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Source mapping alone: UTF-8 payloads (one event each, as a Kafka or HTTP source delivers them) to data
 * arrays of {@code (symbol STRING, price DOUBLE, volume INT, ts LONG)}. Mappers are found through
 * ServiceLoader by their {@code @Extension} name. {@code json-paths} is the json mapper with a
 * {@code json.mapping.<attr>} JSONPath per attribute on the same payloads (a tree per payload, Jayway
 * evaluation) against {@code json}'s streaming by name. Score = events/s.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
public class MapperBenchmark {
    private static final int PAYLOADS = 1024;
    private static final StreamSchema SCHEMA = new StreamSchema("S", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE),
            new Attribute("volume", AttributeType.INT), new Attribute("ts", AttributeType.LONG)));

    @Param({"json", "json-paths", "csv"})
    public String format;

    private SourceMapper mapper;
    private byte[][] payloads;

    @Setup(Level.Trial)
    public void setUp() {
        boolean json = format.startsWith("json");
        String name = json ? "json" : format;
        MapperFactory factory = null;
        for (MapperFactory f : ServiceLoader.load(MapperFactory.class, MapperBenchmark.class.getClassLoader())) {
            Extension ext = f.getClass().getAnnotation(Extension.class);
            if (ext != null && ext.name().equals(name)) {
                factory = f;
            }
        }
        if (factory == null) {
            throw new IllegalStateException("no mapper " + format);
        }
        Map<String, String> options = format.equals("json-paths")
                ? Map.of("json.mapping.symbol", "$.symbol", "json.mapping.price", "$.price",
                        "json.mapping.volume", "$['volume']", "json.mapping.ts", "$.ts")
                : Map.of();
        mapper = factory.sourceMapper(new ConnectorSpec("bench", SCHEMA, options));
        payloads = new byte[PAYLOADS][];
        for (int i = 0; i < PAYLOADS; i++) {
            String symbol = "SYM" + (i % 8);
            double price = 10 + i % 90 + 0.25;
            String text = json
                    ? "{\"symbol\":\"" + symbol + "\",\"price\":" + price + ",\"volume\":" + i + ",\"ts\":" + (1_700_000_000_000L + i) + "}"
                    : symbol + "," + price + "," + i + "," + (1_700_000_000_000L + i);
            payloads[i] = text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** One payload, one event, per map call. */
    @Benchmark
    @OperationsPerInvocation(PAYLOADS)
    public int perPayload() throws MappingException {
        int n = 0;
        for (byte[] p : payloads) {
            n += mapper.map(p).size();
        }
        if (n != PAYLOADS) {
            throw new IllegalStateException(n + " events from " + PAYLOADS + " payloads");
        }
        return n;
    }
}
