package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A call of a real window, aggregator or function that does not fit its parameters fails with the
 * extension's own signature as the suggestion, written from its {@code @Extension} parameter metadata
 * through the registry (the engine's catalog), at the call's line and column.
 */
class CallSignatureErrorsTest {
    private static final String S = "CREATE STREAM S (name STRING, v INT, x DOUBLE);\n";

    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    private CompileException error(String query) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> runtime.validate(S + query));
        assertThat(e).as(query).isNotNull();
        return e;
    }

    @Test
    void aFunctionWithTooManyArgumentsShowsEverySignatureWithItsResultType() {
        CompileException e = error("SELECT math:round(x, 2, 3) AS r FROM S;");
        CompileError error = e.errors().get(0);
        assertThat(error.line()).isEqualTo(2);
        assertThat(error.column()).isEqualTo(8);
        assertThat(error.message()).isEqualTo("function 'round' takes 1 to 2 argument(s), got 3");
        assertThat(error.suggestion()).isEqualTo("expected round(x) or round(x, n: INT|LONG) -> DOUBLE");
        assertThat(e.getMessage()).contains("(expected round(x) or round(x, n: INT|LONG) -> DOUBLE)",
                "  SELECT math:round(x, 2, 3) AS r FROM S;", "  " + " ".repeat(7) + "^~~~~~~~~~");
    }

    @Test
    void aFunctionFoundWithoutItsLibraryShowsItsSignature() {
        CompileError error = error("SELECT left(name) AS l FROM S;").errors().get(0);
        assertThat(error.message()).isEqualTo("function 'left' takes 2 argument(s), got 1");
        assertThat(error.suggestion()).isEqualTo("expected left(s, n: INT|LONG) -> STRING");
    }

    @Test
    void aWindowWithAWrongParameterShowsItsParameters() {
        CompileError length = error("SELECT v FROM S WINDOW('length', 'five');").errors().get(0);
        assertThat(length.message()).contains("window 'length' parameter 'size'");
        assertThat(length.suggestion()).isEqualTo("expected length(size: INT|LONG)");
        CompileError tumbling = error("SELECT v FROM S WINDOW('tumbling');").errors().get(0);
        assertThat(tumbling.suggestion()).isEqualTo("expected tumbling(duration: INT|LONG[, startTime: INT|LONG])");
    }

    @Test
    void anAggregatorWithAWrongArgumentShowsItsParameters() {
        CompileError sum = error("SELECT sum(name) AS s FROM S;").errors().get(0);
        assertThat(sum.message()).contains("sum");
        assertThat(sum.suggestion()).isEqualTo("expected sum(value: INT|LONG|FLOAT|DOUBLE)");
        CompileError count = error("SELECT count(v, x) AS c FROM S;").errors().get(0);
        assertThat(count.suggestion()).isEqualTo("expected count([value])");
    }

    @Test
    void anUnknownNameSuggestsTheNearestWithItsSignatureOrTheAvailableOnes() {
        CompileError summ = error("SELECT summ(v) AS s FROM S;").errors().get(0);
        assertThat(summ.suggestion()).startsWith("did you mean 'sum'? available: ").contains("avg", "stdDev", "unionSet");
        CompileError function = error("SELECT uper(name) AS u FROM S;").errors().get(0);
        assertThat(function.suggestion()).isEqualTo("did you mean 'upper'? upper(s) -> STRING");
        CompileError window = error("SELECT v FROM S WINDOW('lenght', 5);").errors().get(0);
        assertThat(window.suggestion()).startsWith("did you mean 'length'? available: cron, delay, ");
    }
}
