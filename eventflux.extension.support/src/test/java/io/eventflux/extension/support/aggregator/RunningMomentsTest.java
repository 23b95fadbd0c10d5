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
    void equalValuesLeftByRemovalsHaveExactlyZeroVariance() {
        // {2, 4, 4} less 2 used to leave M2 = 2.2e-16: a standard deviation of 1.5e-8 for {4, 4}
        RunningMoments m = new RunningMoments();
        m.add(2);
        m.add(4);
        m.add(4);
        m.remove(2);
        assertThat(m.populationVariance()).isEqualTo(0.0);
        m.clear();
        for (double x : new double[] {1, 3, 3}) {
            m.add(x);
        }
        m.remove(1);
        assertThat(m.populationVariance()).isEqualTo(0.0);
        // a sliding window of the last three of 0.1, 0.7, 0.3, 0.3, 0.3, 5.0, 5.0, 5.0
        m.clear();
        double[] series = {0.1, 0.7, 0.3, 0.3, 0.3, 5.0, 5.0, 5.0};
        for (int i = 0; i < series.length; i++) {
            m.add(series[i]);
            if (i >= 3) {
                m.remove(series[i - 3]);
            }
            if (i == 4 || i == 7) {
                assertThat(m.populationVariance()).as("after value %d", i).isEqualTo(0.0);
            }
        }
        // a real spread that is small next to the value removed is kept (within the cancellation error)
        m.clear();
        m.add(1e6);
        m.add(1);
        m.add(2);
        m.remove(1e6);
        assertThat(m.populationVariance()).isCloseTo(0.25, within(1e-3));
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
