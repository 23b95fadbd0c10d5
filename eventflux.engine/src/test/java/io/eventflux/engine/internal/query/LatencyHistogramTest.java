package io.eventflux.engine.internal.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.management.QueryLatency;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {
    @Test
    void bucketsAreInclusiveUpperBoundsAndCountsAreCumulative() {
        LatencyHistogram h = new LatencyHistogram(1);
        h.record(0);
        h.record(1_000); // exactly 1 µs: the first bucket
        h.record(1_001); // the 2.5 µs bucket
        h.record(3_000_000); // 5 ms bucket
        h.record(20_000_000_000L); // above every bound: +Inf only

        QueryLatency l = h.snapshot();
        assertThat(l.upperBoundsNanos()).hasSize(LatencyHistogram.BOUNDS_NANOS.length)
                .startsWith(1_000L, 2_500L, 5_000L).endsWith(10_000_000_000L);
        assertThat(l.count()).isEqualTo(5);
        assertThat(l.sumNanos()).isEqualTo(1_000 + 1_001 + 3_000_000 + 20_000_000_000L);
        List<Long> c = l.cumulativeCounts();
        assertThat(c.get(0)).isEqualTo(2); // <= 1 µs
        assertThat(c.get(1)).isEqualTo(3); // <= 2.5 µs
        int fiveMs = l.upperBoundsNanos().indexOf(5_000_000L);
        assertThat(c.get(fiveMs - 1)).isEqualTo(3); // <= 2.5 ms
        assertThat(c.get(fiveMs)).isEqualTo(4);
        assertThat(c.get(c.size() - 1)).isEqualTo(4); // <= 10 s: the 20 s chunk is only in +Inf
        assertThat(c).isSorted();
    }

    @Test
    void everyChunkIsCountedAndOneInNTimed() {
        LatencyHistogram h = new LatencyHistogram(4);
        int timed = 0;
        for (int i = 0; i < 10; i++) {
            if (h.sample()) {
                h.record(2_000);
                timed++;
            }
        }
        QueryLatency l = h.snapshot();
        assertThat(timed).isEqualTo(2); // the 4th and the 8th
        assertThat(l.count()).isEqualTo(2);
        assertThat(l.chunks()).isEqualTo(10);
        assertThat(l.sampleEvery()).isEqualTo(4);
        assertThat(l.sumNanos()).isEqualTo(4_000);
    }

    @Test
    void aSampleRateThatIsNotAPowerOfTwoIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LatencyHistogram(3))
                .hasMessageContaining("power of two");
    }

    @Test
    void anEmptyHistogramHasZeroCountsAndSum() {
        QueryLatency l = new LatencyHistogram(1).snapshot();
        assertThat(l.count()).isZero();
        assertThat(l.sumNanos()).isZero();
        assertThat(l.meanNanos()).isZero();
        assertThat(l.cumulativeCounts()).allMatch(n -> n == 0);
    }
}
