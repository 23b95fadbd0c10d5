package io.eventflux.extension.support.aggregator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunningMomentsTest {

    @Test
    void populationVarianceWithRemoval() {
        RunningMoments m = new RunningMoments();
        assertThat(m.isEmpty()).isTrue();
        for (double x : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            m.add(x);
        }
        assertThat(m.populationVariance()).isCloseTo(4.0, within(1e-12));
        m.remove(9);
        m.remove(2);
        // 4, 4, 4, 5, 5, 7: mean 29/6
        assertThat(m.populationVariance()).isCloseTo(41.0 / 36, within(1e-12));
        for (double x : new double[] {4, 4, 4, 5, 5}) {
            m.remove(x);
        }
        assertThat(m.populationVariance()).isEqualTo(0.0);
        m.remove(7);
        assertThat(m.isEmpty()).isTrue();
    }

    @Test
    void nonFiniteValuesPoisonOnlyWhilePresent() {
        RunningMoments m = new RunningMoments();
        m.add(1);
        m.add(3);
        m.add(Double.NaN);
        assertThat(m.populationVariance()).isNaN();
        m.remove(Double.NaN);
        assertThat(m.populationVariance()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void largeOffsetsKeepPrecision() {
        RunningMoments m = new RunningMoments();
        double base = 1.7e12;
        for (int i = 0; i < 10_000; i++) {
            m.add(base + (i % 2));
            if (i >= 100) {
                m.remove(base + ((i - 100) % 2));
            }
        }
        assertThat(m.populationVariance()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void snapshotRestoresBitForBit() {
        RunningMoments m = new RunningMoments();
        m.add(0.1);
        m.add(0.7);
        m.add(Double.POSITIVE_INFINITY);
        Object[] snapshot = m.snapshot();
        assertThat(RunningMoments.isSnapshot(snapshot)).isTrue();
        assertThat(RunningMoments.isSnapshot(new Object[] {-1L, 0.0, 0.0, 0.0, 0L})).isFalse();
        RunningMoments restored = new RunningMoments();
        restored.restore(snapshot);
        m.remove(Double.POSITIVE_INFINITY);
        restored.remove(Double.POSITIVE_INFINITY);
        assertThat(Double.doubleToRawLongBits(restored.populationVariance()))
                .isEqualTo(Double.doubleToRawLongBits(m.populationVariance()));
    }
}
