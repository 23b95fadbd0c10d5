package io.eventflux.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The W1 async tools at low rates and small counts: every output arrives and is checked, and every
 * measured one is recorded. No timing is asserted (the machine may be busy).
 */
class AsyncToolsTest {
    private static long passingAmongFirst(Object[][] rows, long inputs) {
        long n = 0;
        for (long i = 0; i < inputs; i++) {
            if ((Double) rows[(int) (i % rows.length)][1] > 50) {
                n++;
            }
        }
        return n;
    }

    @Test
    void theExpectedOutputCountOfTheSeededRowsIsThePeers() throws Exception {
        Object[][] rows = Workload.rows(Workload.W1.events());
        int[] passing = AsyncW1.passingRows(rows);
        assertThat((long) passing.length).isEqualTo(Workload.W1.expectedOutputs());
        Object[][] few = Workload.rows(500);
        try (AsyncW1 w1 = new AsyncW1(few, "blocking", 16, 64, null)) {
            for (long inputs : new long[] {0, 1, 2, 499, 500, 501, 1_234}) {
                assertThat(w1.expectedOutputs(inputs)).as("%d inputs", inputs).isEqualTo(passingAmongFirst(few, inputs));
            }
        }
    }

    @Test
    void aPacedRunAtALowRateRecordsEveryMeasuredOutput() throws Exception {
        Object[][] rows = Workload.rows(500); // sent 2.4 times round
        LatencyRun.Settings s = new LatencyRun.Settings(2_000, 200, 1_000, "blocking", 256, 1024,
                TimeUnit.SECONDS.toNanos(30), false);
        LatencyRun.Result r = LatencyRun.run(rows, s);
        assertThat(r.sent()).isEqualTo(1_200);
        assertThat(r.expectedOutputs()).isEqualTo(passingAmongFirst(rows, 1_200));
        assertThat(r.outputs()).isEqualTo(r.expectedOutputs());
        assertThat(r.mismatches()).isZero();
        assertThat(r.complete()).isTrue();
        // only the outputs of inputs 200.. are recorded
        long recorded = passingAmongFirst(rows, 1_200) - passingAmongFirst(rows, 200);
        assertThat(r.histogram().getTotalCount()).isEqualTo(recorded);
        assertThat(r.histogram().getMinValue()).isPositive();
        assertThat(r.service().getTotalCount()).isEqualTo(recorded);
        // an event cannot be sent before it is due: from the intended time is never shorter than from the send
        assertThat(r.histogram().getMaxValue()).isGreaterThanOrEqualTo(r.service().getMaxValue());
        // paced: 1 200 events at 2 000/s cannot be sent in less than their schedule (0.6 s from the first)
        assertThat(r.sendSeconds()).isGreaterThanOrEqualTo(1_199 / 2_000.0);
    }

    @Test
    void aThroughputRunCountsEveryRound() throws Exception {
        Object[][] rows = Workload.rows(1_000);
        ThroughputRun.Result r = ThroughputRun.run(rows, "yielding", 64, 256, 1_500, 1, 2);
        assertThat(r.sent()).isEqualTo(4_500);
        assertThat(r.outputs()).isEqualTo(passingAmongFirst(rows, 4_500)).isEqualTo(r.expectedOutputs());
        assertThat(r.mismatches()).isZero();
        assertThat(r.eventsPerSecond()).hasSize(2);
        assertThat(java.util.Arrays.stream(r.eventsPerSecond()).min().orElseThrow()).isPositive();
    }

    @Test
    void theCommandLineDefaultsAreTheIssuesTargetsAndBadOptionsAreNamed() {
        AsyncMain.Options o = AsyncMain.Options.parse(new String[] {"latency"});
        assertThat(o.rate()).isEqualTo(100_000);
        assertThat(o.latencySettings().warmupEvents()).isEqualTo(500_000);
        assertThat(o.latencySettings().measuredEvents()).isEqualTo(2_000_000);
        AsyncMain.Options t = AsyncMain.Options.parse(new String[] {"throughput", "--wait", "busy-spin", "--batch", "64"});
        assertThat(t.waitStrategy()).isEqualTo("busy-spin");
        assertThat(t.batch()).isEqualTo(64);
        assertThatThrownBy(() -> AsyncMain.Options.parse(new String[] {"latency", "--rat", "5"}))
                .hasMessageContaining("unknown option --rat");
        assertThatThrownBy(() -> AsyncMain.Options.parse(new String[] {"speed"}))
                .hasMessageContaining("latency or throughput");
        assertThat(AsyncMain.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(AsyncMain.median(new double[] {4, 1, 2, 3})).isEqualTo(2.5);
    }
}
