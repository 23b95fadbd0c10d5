package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.AppPlan;
import org.junit.jupiter.api.Test;

class WarmUpTest {
    @Test
    void theWarmUpScriptIsARealAppThatCompiles() throws CompileException {
        AppPlan plan = new SqlCompiler(new TestCatalog()).compile(SqlCompiler.WARM_UP);
        assertThat(plan.name()).isEqualTo("WarmUp");
        assertThat(plan.streams()).extracting(s -> s.schema().name()).contains("S", "Out");
        assertThat(plan.queries()).hasSize(1);
    }

    @Test
    void warmUpLeavesTheParserReadyForTheNextCompile() throws CompileException {
        SqlCompiler.warmUp();
        AppPlan plan = new SqlCompiler(new TestCatalog()).compile(
                "CREATE STREAM A (x INT); INSERT INTO B SELECT x FROM A WINDOW('length', 2);");
        assertThat(plan.queries()).hasSize(1);
    }
}
