package io.eventflux.extension.support.aggregator;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.extension.testing.Snapshots;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DistinctValuesTest {

    @Test
    void aValueEntersOnItsFirstCopyAndLeavesWithItsLast() {
        DistinctValues values = new DistinctValues();
        assertThat(values.add("a")).isTrue();
        assertThat(values.add("a")).isFalse();
        assertThat(values.add("b")).isTrue();
        assertThat(values.size()).isEqualTo(2);
        assertThat(values.remove("a")).isFalse();
        assertThat(values.remove("a")).isTrue();
        assertThat(values.remove("a")).as("never present any more").isFalse();
        assertThat(values.remove("zzz")).isFalse();
        assertThat(values.size()).isEqualTo(1);
        values.clear();
        assertThat(values.size()).isZero();
    }

    @Test
    void snapshotIsDetachedAndRestores() {
        DistinctValues values = new DistinctValues();
        values.add(1L);
        values.add(1L);
        values.add(2L);
        HashMap<Object, Long> snapshot = values.snapshot();
        values.add(3L);
        assertThat(snapshot).isEqualTo(Map.of(1L, 2L, 2L, 1L));

        DistinctValues restored = new DistinctValues();
        restored.restore((Map<?, ?>) Snapshots.roundTrip(snapshot));
        assertThat(restored.remove(1L)).isFalse();
        assertThat(restored.remove(1L)).isTrue();
        assertThat(restored.size()).isEqualTo(1);
    }
}
