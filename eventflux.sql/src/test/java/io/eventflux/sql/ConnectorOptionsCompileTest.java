package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SQL.md section 7: the engine's connector keys are checked where they are written. */
class ConnectorOptionsCompileTest {
    private static final String DLQ = "CREATE STREAM Dead (originalEvent STRING, errorMessage STRING, errorType STRING, "
            + "timestamp LONG, attemptCount INT, streamName STRING);\n";

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private List<CompileError> errors(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(sql));
        assertThat(e).as("expected a compile error for %s", sql).isNotNull();
        return e.errors();
    }

    @Test
    void aValidDeadLetterSetupCompiles() throws CompileException {
        assertThat(compiler.compile(DLQ + "CREATE STREAM In (v INT) WITH (type = 'source', extension = 'x', "
                + "error.strategy = 'dlq', error.dlq.stream = 'Dead', backpressure = 'drop', "
                + "error.retry.backoff = 'linear');").streams()).hasSize(2);
    }

    @Test
    void dlqStrategyWithoutStreamIsAnErrorAtTheOption() {
        List<CompileError> es = errors("CREATE STREAM In (v INT)\n  WITH (type = 'source', extension = 'x', error.strategy = 'dlq');");
        assertThat(es).hasSize(1);
        assertThat(es.get(0).line()).isEqualTo(2);
        assertThat(es.get(0).column()).isEqualTo(43);
        assertThat(es.get(0).message()).contains("In").contains("error.dlq.stream")
                .contains("(originalEvent STRING, errorMessage STRING, errorType STRING, timestamp LONG, "
                        + "attemptCount INT, streamName STRING)");
    }

    @Test
    void undeclaredDeadLetterStreamIsAnErrorWithASuggestion() {
        List<CompileError> es = errors(DLQ + "CREATE STREAM In (v INT) WITH (type = 'source', extension = 'x', "
                + "error.strategy = 'dlq', error.dlq.stream = 'Deadd');");
        assertThat(es).hasSize(1);
        assertThat(es.get(0).line()).isEqualTo(2);
        assertThat(es.get(0).message()).contains("'Deadd' is not declared").contains("CREATE STREAM Deadd (originalEvent STRING");
        assertThat(es.get(0).format()).contains("Dead'");
    }

    @Test
    void deadLetterStreamWithAnotherSchemaIsAnError() {
        List<CompileError> es = errors("CREATE STREAM Dead (originalEvent STRING, errorMessage STRING);\n"
                + "CREATE STREAM In (v INT) WITH (type = 'source', extension = 'x', error.strategy = 'retry', "
                + "error.dlq.stream = 'Dead');");
        assertThat(es).hasSize(1);
        assertThat(es.get(0).line()).isEqualTo(2);
        assertThat(es.get(0).column()).isGreaterThan(1);
        assertThat(es.get(0).message()).contains("dead-letter stream Dead").contains("must be exactly (originalEvent STRING");
    }

    @Test
    void unknownStrategyBackpressureAndBackoffValuesAreErrors() {
        List<CompileError> es = errors("CREATE STREAM In (v INT) WITH (type = 'source', extension = 'x', "
                + "error.strategy = 'dlx', backpressure = 'wait', error.retry.backoff = 'random');");
        assertThat(es).extracting(CompileError::message).satisfiesExactly(
                m -> assertThat(m).contains("error.strategy").contains("'dlx'").contains("[dlq, drop, fail, retry]"),
                m -> assertThat(m).contains("backpressure").contains("'wait'").contains("[block, drop]"),
                m -> assertThat(m).contains("error.retry.backoff").contains("'random'"));
    }
}
