package io.eventflux.extension.support.window;

import static io.eventflux.extension.testing.WindowHarness.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Event;
import io.eventflux.extension.testing.WindowHarness;
import org.junit.jupiter.api.Test;

class TumblingBatchesTest {

    @Test
    void closingExpiresThePreviousBatchAndReportsTheFilledOne() {
        WindowHarness h = new WindowHarness();
        TumblingBatches b = new TumblingBatches(2);
        assertThat(b.isEmpty()).isTrue();
        b.add(event(1, "a"));
        b.add(event(2, "b"));
        assertThat(b.fillingSize()).isEqualTo(2);
        assertThat(b.contents()).as("the filling batch is not in the window yet").isEmpty();
        b.close(10, h);
        assertThat(h.take()).containsExactly("current 1 [a, 1.0]", "current 2 [b, 1.0]", "flush 10");
        b.add(event(11, "c"));
        b.close(20, h);
        assertThat(h.take()).containsExactly("expired 20 [a, 1.0]", "expired 20 [b, 1.0]",
                "current 11 [c, 1.0]", "flush 20");
        assertThat(b.contents()).extracting(Event::timestamp).containsExactly(11L);
        assertThat(b.fillingSize()).isZero();
    }

    @Test
    void closeUpToSkipsIdleBoundariesOnTheSameGrid() {
        WindowHarness h = new WindowHarness();
        TumblingBatches b = new TumblingBatches();
        b.add(event(5, "a"));
        // batch [0, 10) closes at 10; at 20 the flushed batch expires; then idle up to 55
        long end = b.closeUpTo(10, 55, 10, h);
        assertThat(h.take()).containsExactly("current 5 [a, 1.0]", "flush 10", "expired 20 [a, 1.0]", "flush 20");
        assertThat(end).isEqualTo(60);
        assertThat(TumblingBatches.boundaryAfter(3, 3, 10)).isEqualTo(13);
        assertThat(TumblingBatches.boundaryAfter(3, -8, 10)).isEqualTo(-7);
    }

    @Test
    void restoresBothBatches() {
        TumblingBatches b = new TumblingBatches();
        b.add(event(1, "a"));
        b.close(10, new WindowHarness());
        b.add(event(12, "b"));
        TumblingBatches copy = new TumblingBatches();
        copy.restore(EventArrays.decode(WindowHarness.roundTrip(b.encodedFilling())),
                EventArrays.decode(WindowHarness.roundTrip(b.encodedFlushed())));
        assertThat(copy.contents()).extracting(Event::timestamp).containsExactly(1L);
        assertThat(copy.fillingSize()).isEqualTo(1);
    }
}
