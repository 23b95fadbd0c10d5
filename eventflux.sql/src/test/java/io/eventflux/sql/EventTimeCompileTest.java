package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** README "Event time and watermarks": the event-time keys are checked where they are written. */
class EventTimeCompileTest {
    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private CompileError error(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void aValidEventTimedStreamCompilesWithItsOptions() throws CompileException {
        var plan = compiler.compile("CREATE STREAM S (ts TIMESTAMP, v INT) WITH ('event.time' = 'ts', "
                + "'watermark.delay' = '2 SECONDS', 'watermark.idle.timeout' = '500 ms', 'late.events.stream' = 'L');\n"
                + "CREATE STREAM L (ts TIMESTAMP, v INT);\nINSERT INTO Out SELECT v FROM S;");
        assertThat(plan.streams().get(0).options()).containsEntry("event.time", "ts")
                .containsEntry("watermark.delay", "2 SECONDS");
    }

    @Test
    void anUnknownEventTimeAttributeIsAnErrorAtTheOptionWithASuggestion() {
        CompileError e = error("CREATE STREAM S (tstamp LONG, v INT)\n  WITH ('event.time' = 'tstmp');");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(9);
        assertThat(e.message()).contains("event.time names attribute 'tstmp'").contains("[tstamp, v]");
        assertThat(e.format()).contains("did you mean 'tstamp'?");
    }

    @Test
    void anEventTimeAttributeOfAnotherTypeIsAnError() {
        CompileError e = error("CREATE STREAM S (ts DOUBLE, v INT) WITH ('event.time' = 'ts');");
        assertThat(e.line()).isEqualTo(1);
        assertThat(e.message()).contains("'ts' is DOUBLE").contains("must be LONG or TIMESTAMP");
    }

    @Test
    void aBadDelayIsAnError() {
        CompileError e = error("CREATE STREAM S (ts LONG) WITH ('event.time' = 'ts',\n 'watermark.delay' = 'soon');");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(2);
        assertThat(e.message()).contains("watermark.delay").contains("'soon'").contains("5 seconds");
    }

    @Test
    void aZeroIdleTimeoutIsAnError() {
        CompileError e = error("CREATE STREAM S (ts LONG) WITH ('event.time' = 'ts', 'watermark.idle.timeout' = '0');");
        assertThat(e.message()).contains("watermark.idle.timeout").contains("positive");
    }

    @Test
    void watermarkKeysWithoutEventTimeAreAnError() {
        CompileError e = error("CREATE STREAM S (ts LONG) WITH ('watermark.delay' = '1 SECOND');");
        assertThat(e.message()).contains("'watermark.delay' needs 'event.time'");
    }

    @Test
    void anUndeclaredLateStreamIsAnErrorWithASuggestion() {
        CompileError e = error("CREATE STREAM Late (ts LONG);\nCREATE STREAM S (ts LONG) WITH ('event.time' = 'ts', "
                + "'late.events.stream' = 'Lat');");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.message()).contains("late.events.stream 'Lat' is not declared");
        assertThat(e.format()).contains("did you mean 'Late'?");
    }

    @Test
    void aLateStreamWithAnotherSchemaIsAnError() {
        CompileError e = error("CREATE STREAM Late (ts LONG, w STRING);\nCREATE STREAM S (ts LONG, v INT) "
                + "WITH ('event.time' = 'ts', 'late.events.stream' = 'Late');");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.message()).contains("late-events stream Late").contains("exactly the attributes of S");
    }

    @Test
    void theLateStreamMustBeAnotherStream() {
        CompileError e = error("CREATE STREAM S (ts LONG) WITH ('event.time' = 'ts', 'late.events.stream' = 'S');");
        assertThat(e.message()).contains("must name another stream");
    }

    @Test
    void severalProblemsAreReportedTogether() {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(
                "CREATE STREAM S (ts INT) WITH ('event.time' = 'ts', 'watermark.delay' = '-5 ms', "
                        + "'late.events.stream' = 'Nope');"));
        assertThat(e.errors()).extracting(CompileError::message).hasSize(3);
    }
}
