package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The window and aggregator bundles as the compiler sees them, and the errors for an unknown window type. */
class WindowCatalogTest {
    private static final String ALL_WINDOWS = "cron, delay, expression, expressionBatch, externalTime, externalTimeBatch, firstUnique, frequent, hopping, "
            + "length, lengthBatch, lossyFrequent, session, sliding, sort, time, timeBatch, timeLength, tumbling, unique";

    private final EventFluxRuntime runtime = RealBundles.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void everyWindowAndAggregatorBundleIsRegistered() {
        assertThat(String.join(", ", runtime.registry().windowNames().stream()
                .sorted(String.CASE_INSENSITIVE_ORDER).toList())).isEqualTo(ALL_WINDOWS);
        assertThat(runtime.registry().aggregatorNames()).containsExactlyInAnyOrder("count", "sum", "avg", "min", "max",
                "distinctCount", "stdDev", "variance", "first", "last", "minForever", "maxForever", "and", "or",
                "unionSet", "percentile");
    }

    @Test
    void anUnknownWindowFarFromEveryNameListsTheAvailableTypes() {
        CompileException e = catchThrowableOfType(CompileException.class,
                () -> runtime.validate("CREATE STREAM S (v INT);\nSELECT v FROM S WINDOW('hamster', 5);"));
        CompileError error = e.errors().get(0);
        assertThat(error.message()).isEqualTo("unknown window 'hamster'");
        assertThat(error.offendingName()).isEqualTo("hamster");
        assertThat(error.suggestion()).isEqualTo("available: " + ALL_WINDOWS);
        assertThat(error.line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("line 2").contains("available: cron, delay, expression, expressionBatch, externalTime");
    }

    @Test
    void anUnknownWindowCloseToANameSuggestsIt() {
        CompileException e = catchThrowableOfType(CompileException.class,
                () -> runtime.validate("CREATE STREAM S (v INT);\nSELECT v FROM S WINDOW('sesion', 5);"));
        assertThat(e.errors().get(0).suggestion()).isEqualTo("did you mean 'session'? available: " + ALL_WINDOWS);
        CompileException batch = catchThrowableOfType(CompileException.class,
                () -> runtime.validate("CREATE STREAM S (v INT);\nSELECT v FROM S WINDOW('lengthBach', 5);"));
        assertThat(batch.errors().get(0).suggestion()).startsWith("did you mean 'lengthBatch'? available: ");
    }

    @Test
    void windowParametersAreValidatedByTheBundleAtCompileTime() {
        CompileException e = catchThrowableOfType(CompileException.class,
                () -> runtime.validate("CREATE STREAM S (v INT);\nSELECT v FROM S WINDOW('hopping', 1 SECOND, 2 SECONDS);"));
        assertThat(e.errors().get(0).message()).contains("'slide' must be at most 'size'");
    }
}
