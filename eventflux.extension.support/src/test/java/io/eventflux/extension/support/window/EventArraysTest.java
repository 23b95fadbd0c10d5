package io.eventflux.extension.support.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Event;
import io.eventflux.extension.testing.Snapshots;
import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventArraysTest {

    @Test
    void roundTripsThroughJavaSerializationWithoutSharingData() {
        Object[] data = {"IBM", 1.5};
        Serializable encoded = EventArrays.encode(List.of(new Event(10, data), new Event(20, new Object[] {"X", 2.0})));
        data[0] = "changed";
        ArrayDeque<Event> decoded = EventArrays.decode(Snapshots.roundTrip(encoded));
        assertThat(decoded).extracting(Event::timestamp).containsExactly(10L, 20L);
        assertThat(decoded.peekFirst().data()).containsExactly("IBM", 1.5);
        assertThat(encoded).isInstanceOf(Object[].class);
        assertThat(((Object[]) encoded)[0]).isInstanceOf(long[].class);
    }

    @Test
    void rejectsWhatIsNotASnapshot() {
        assertThatThrownBy(() -> EventArrays.decode("x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a window snapshot of held events");
        assertThatThrownBy(() -> EventArrays.decode(new Object[] {new long[1], new Object[0][]}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
