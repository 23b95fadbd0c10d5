package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.TriggerPlan;
import org.junit.jupiter.api.Test;

/** The analysis of PARTITION and CREATE TRIGGER, and its errors. */
class PartitionAndTriggerCompileTest {
    private static final String STREAMS = "CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);\n";
    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private CompileError only(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(sql));
        assertThat(e).as("expected a compile error for:%n%s", sql).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void valueAndRangeKeysInnerStreamsAndOptions() throws CompileException {
        AppPlan plan = compiler.compile(STREAMS + """
                CREATE STREAM Other (key STRING, n INT);
                PARTITION WITH (symbol OF Trades, price < 10 AS 'low' OR price >= 10 AS 'high' OF Other2)
                BEGIN SELECT * FROM Trades; END;
                """.replace("Other2", "Other").replace("price < 10 AS 'low' OR price >= 10 AS 'high' OF Other",
                "n < 10 AS 'low' OR n >= 10 AS 'high' OF Other")
                + """
                PARTITION WITH (symbol OF Trades) WITH ('partition.idle.timeout' = '1 HOUR') BEGIN
                  CREATE STREAM #Avg (symbol STRING, a DOUBLE);
                  INSERT INTO #Avg SELECT symbol, avg(price) AS a FROM Trades;
                  INSERT INTO #Max SELECT symbol, max(a) AS m FROM #Avg;
                  INSERT INTO Maxes SELECT symbol, m FROM #Max;
                END;
                INSERT INTO Big SELECT symbol FROM Maxes WHERE m > 100;
                """);
        assertThat(plan.partitions()).hasSize(2);
        PartitionPlan first = plan.partitions().get(0);
        assertThat(first.name()).isEqualTo("partition-1");
        assertThat(first.keys().get(0)).isInstanceOf(PartitionPlan.ValueKey.class);
        PartitionPlan.RangeKey range = (PartitionPlan.RangeKey) first.keys().get(1);
        assertThat(range.stream().name()).isEqualTo("Other");
        assertThat(range.ranges()).extracting(PartitionPlan.Range::label).containsExactly("low", "high");
        assertThat(first.idleTimeoutMillis()).isZero();
        PartitionPlan second = plan.partitions().get(1);
        assertThat(second.idleTimeoutMillis()).isEqualTo(3_600_000L);
        assertThat(second.innerStreams()).extracting(StreamDef::name).containsExactly("#Avg", "#Max");
        assertThat(second.queries()).extracting(q -> q.name()).containsExactly("query-2", "query-3", "query-4");
        // inner streams stay out of the app's streams; outputs of partitioned queries are the app's
        assertThat(plan.streams()).extracting(StreamDef::name).contains("Maxes", "OutputStream", "Big")
                .doesNotContain("#Avg", "#Max");
        assertThat(plan.queries()).extracting(q -> q.name()).containsExactly("query-5");
    }

    @Test
    void unknownPartitionAttributeSuggestsTheNearest() {
        CompileError e = only(STREAMS + "PARTITION WITH (symbl OF Trades) BEGIN SELECT * FROM Trades; END;");
        assertThat(e.message()).isEqualTo("unknown attribute 'symbl' in stream 'Trades'");
        assertThat(e.suggestion()).contains("symbol");
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void unknownPartitionedStream() {
        CompileException all = catchThrowableOfType(CompileException.class,
                () -> compiler.compile(STREAMS + "PARTITION WITH (symbol OF Trade) BEGIN SELECT * FROM Trades; END;"));
        CompileError e = all.errors().get(0);
        assertThat(e.column()).isEqualTo(27);
        assertThat(e.message()).isEqualTo("unknown stream 'Trade'");
        assertThat(e.suggestion()).contains("Trades");
    }

    @Test
    void rangeConditionsMustBeBoolean() {
        CompileError e = only(STREAMS + "PARTITION WITH (price AS 'p' OF Trades) BEGIN SELECT * FROM Trades; END;");
        assertThat(e.message()).contains("a partition range").contains("BOOL");
    }

    @Test
    void duplicateLabelsAndStreams() {
        assertThat(only(STREAMS + "PARTITION WITH (price < 1 AS 'a' OR price > 5 AS 'a' OF Trades) "
                + "BEGIN SELECT * FROM Trades; END;").message()).isEqualTo("partition range label 'a' is used twice");
        assertThat(only(STREAMS + "PARTITION WITH (symbol OF Trades, volume OF Trades) "
                + "BEGIN SELECT * FROM Trades; END;").message()).isEqualTo("stream 'Trades' is partitioned twice");
    }

    @Test
    void queriesInsideMayReadUnpartitionedStreamsAndTablesAndInsertIntoTables() throws Exception {
        AppPlan plan = compiler.compile(STREAMS + "CREATE STREAM Other (a INT);\n"
                + "CREATE TABLE T (symbol STRING PRIMARY KEY, price DOUBLE);\n"
                + "PARTITION WITH (symbol OF Trades) BEGIN\n"
                + "INSERT INTO O1 SELECT a FROM Other;\n"
                + "INSERT INTO T SELECT symbol, price FROM Trades;\n"
                + "INSERT INTO O2 SELECT t.symbol, T.price FROM Trades AS t JOIN T ON t.symbol = T.symbol;\n"
                + "END;");
        assertThat(plan.partitions().get(0).queries()).hasSize(3);
    }

    @Test
    void queriesInsideDoNotInsertIntoAPartitionedStream() {
        CompileError e = only(STREAMS + "PARTITION WITH (symbol OF Trades) BEGIN "
                + "INSERT INTO Trades SELECT * FROM Trades; END;");
        assertThat(e.message()).contains("cannot insert into partitioned stream 'Trades'");
    }

    @Test
    void innerStreamsAreLocalToTheirPartition() {
        CompileError outside = only(STREAMS + "PARTITION WITH (symbol OF Trades) BEGIN "
                + "INSERT INTO #X SELECT * FROM Trades; END;\nSELECT * FROM #X;");
        assertThat(outside.message()).isEqualTo("inner stream '#X' can only be used inside a PARTITION");
        CompileError plain = only(STREAMS + "PARTITION WITH (symbol OF Trades) BEGIN "
                + "CREATE STREAM Y (a INT); SELECT * FROM Trades; END;");
        assertThat(plain.message()).contains("only inner streams can be");
        CompileError unknown = only(STREAMS + "PARTITION WITH (symbol OF Trades) BEGIN SELECT * FROM #Nope; END;");
        assertThat(unknown.message()).isEqualTo("unknown stream '#Nope'");
    }

    @Test
    void partitionOptionsAreChecked() {
        assertThat(only(STREAMS + "PARTITION WITH (symbol OF Trades) WITH ('partition.idle.timeot' = '1 HOUR') "
                + "BEGIN SELECT * FROM Trades; END;").suggestion()).contains("partition.idle.timeout");
        assertThat(only(STREAMS + "PARTITION WITH (symbol OF Trades) WITH ('partition.idle.timeout' = 'soon') "
                + "BEGIN SELECT * FROM Trades; END;").message()).contains("must be a duration");
    }

    @Test
    void triggersDefineAStreamWithTriggeredTime() throws CompileException {
        AppPlan plan = compiler.compile("""
                CREATE TRIGGER Boot AT START;
                CREATE TRIGGER Tick AT EVERY 5 SECONDS;
                CREATE TRIGGER Cron AT CRON '*/5 * * * * ?';
                INSERT INTO Out SELECT triggered_time AS t FROM Tick;
                """);
        assertThat(plan.triggers()).containsExactly(
                new TriggerPlan("Boot", TriggerPlan.Kind.START, 0, null, plan.triggers().get(0).position()),
                new TriggerPlan("Tick", TriggerPlan.Kind.EVERY, 5000, null, plan.triggers().get(1).position()),
                new TriggerPlan("Cron", TriggerPlan.Kind.CRON, 0, "*/5 * * * * ?", plan.triggers().get(2).position()));
        StreamDef tick = plan.stream("Tick").orElseThrow();
        assertThat(tick.kind()).isEqualTo(StreamDef.Kind.TRIGGER);
        assertThat(tick.schema().attribute(0).type()).isEqualTo(AttributeType.LONG);
        assertThat(plan.stream("Out").orElseThrow().schema().attribute(0).type()).isEqualTo(AttributeType.LONG);
    }

    @Test
    void triggerErrors() {
        assertThat(only("CREATE TRIGGER T AT CRON '*/5 * * * *';").message()).contains("has 5 field(s); it needs 6");
        CompileError invalid = only("CREATE TRIGGER T AT CRON '99 * * * * *';");
        assertThat(invalid.message()).startsWith("the cron expression '99 * * * * *' of trigger 'T' is not valid: ");
        assertThat(invalid.line()).isEqualTo(1);
        assertThat(only("CREATE TRIGGER T AT EVERY 1 SECOND; INSERT INTO T SELECT 1L AS triggered_time FROM T;")
                .message()).isEqualTo("cannot insert into trigger 'T'");
    }
}
