package io.eventflux.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeltaWriterTest {
    private final List<String> store = new ArrayList<>();

    private static Map<String, Serializable> state(long v) {
        LinkedHashMap<String, Serializable> s = new LinkedHashMap<>();
        ArrayList<Long> big = new ArrayList<>();
        for (long i = 0; i < 1000; i++) {
            big.add(i == 500 ? v : i);
        }
        s.put("q/window", big);
        return s;
    }

    private DeltaWriter.Prepared save(DeltaWriter w, String id, long v) throws Exception {
        DeltaWriter.Prepared p = w.prepare(id, "A", "f", Map.of("q", "u"), 0, state(v), List.copyOf(store));
        store.add(p.name());
        w.saved(p);
        return p;
    }

    @Test
    void incrementalOnlyWhileTheWholeChainIsInTheStore() throws Exception {
        DeltaWriter w = new DeltaWriter(10);
        assertThat(save(w, "1", 0).full()).isTrue();
        DeltaWriter.Prepared d = save(w, "2", 1);
        assertThat(d.full()).isFalse();
        assertThat(d.name()).isEqualTo("2-1");
        assertThat(d.bytes().length).isLessThan(save(new DeltaWriter(1), "9", 1).bytes().length / 5);
        store.remove("9");
        assertThat(save(w, "3", 2).name()).isEqualTo("3-2");
        // a store that pruned by count only: the full revision 1 is gone, 2-1 and 3-2 are not
        store.remove("1");
        assertThat(DeltaWriter.wholeChainIn("3-2", store)).isFalse();
        DeltaWriter.Prepared next = save(w, "4", 3);
        assertThat(next.full()).as("a broken chain is not built on").isTrue();
        assertThat(next.name()).isEqualTo("4");
        assertThat(save(w, "5", 4).name()).isEqualTo("5-4");
    }

    @Test
    void aFullRevisionEveryK() throws Exception {
        DeltaWriter w = new DeltaWriter(3);
        List<Boolean> full = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            full.add(save(w, String.valueOf(i), i).full());
        }
        assertThat(full).containsExactly(true, false, false, true, false, false, true);
    }
}
