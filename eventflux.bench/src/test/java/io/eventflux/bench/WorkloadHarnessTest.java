package io.eventflux.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.bench.WorkloadHarness.JvmResult;
import io.eventflux.bench.WorkloadHarness.Options;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The harness counts what the engine emits, and that is what the workload's semantics give: the counts can
 * never drift silently. The oracle (the semantics computed without the engine) gives the peers' counts at
 * the standard event counts, and the harness running the engine on a smaller replay gives the oracle's.
 */
class WorkloadHarnessTest {
    /** Small rounds (a multiple of 1000 so lengthBatch batches line up across rounds). */
    private static final int SMALL = 20_000;

    @ParameterizedTest
    @EnumSource(Workload.class)
    void theOracleGivesThePeersCountsAtTheStandardEventCounts(Workload w) {
        Object[][] rows = Workload.rows(w.events());
        // W4 and W5 carry state from one round into the next: the peers' figure is the steady state
        assertThat(WorkloadOracle.outputsOfRound(w, rows, 1)).isEqualTo(w.expectedOutputs());
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void theHarnessCountsWhatTheSemanticsGiveInEveryMeasuredRound(Workload w) throws Exception {
        Options options = Options.parse(new String[] {w.name(), "--jvms", "0", "--warmup", "1", "--rounds", "2",
                "--events", String.valueOf(SMALL)});
        JvmResult result = WorkloadHarness.measure(w, options);

        Object[][] rows = Workload.rows(SMALL);
        assertThat(result.roundOutputs()).containsExactly(WorkloadOracle.outputsOfRound(w, rows, 1),
                WorkloadOracle.outputsOfRound(w, rows, 2));
        assertThat(Arrays.stream(result.roundEps()).min().orElse(0)).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Workload.class)
    void theReportLineNamesTheWorkloadAndFlagsAWrongCount(Workload w) {
        Options standard = Options.parse(new String[] {w.name()});
        JvmResult right = new JvmResult(w, w.events(), new double[] {3e6, 1e6, 2e6},
                new long[] {w.expectedOutputs(), w.expectedOutputs(), w.expectedOutputs()}, 60, 5e6);
        JvmResult other = new JvmResult(w, w.events(), new double[] {4e6, 4e6, 5e6},
                new long[] {w.expectedOutputs(), w.expectedOutputs(), w.expectedOutputs()}, 60, 5e6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        boolean ok = WorkloadHarness.report(w, standard, List.of(right, other, JvmResult.parse(right.line())),
                print(out), print(err));

        assertThat(ok).isTrue();
        assertThat(JvmResult.parse(right.line())).usingRecursiveComparison().isEqualTo(right);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("eventflux " + w + " events=" + w.events()
                + " outputs=" + w.expectedOutputs() + " median_eps=2000000" + System.lineSeparator());

        JvmResult wrong = new JvmResult(w, w.events(), new double[] {1e6}, new long[] {w.expectedOutputs() + 1}, 60, 5e6);
        assertThat(WorkloadHarness.report(w, standard, List.of(wrong), print(out), print(err))).isFalse();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("the peers produce " + w.expectedOutputs());
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
