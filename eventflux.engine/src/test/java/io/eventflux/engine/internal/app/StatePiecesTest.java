package io.eventflux.engine.internal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatePiecesTest {
    private static final Set<ClassLoader> LOADERS = Set.of(StatePiecesTest.class.getClassLoader());

    private static Serializable roundTrip(Serializable value) throws Exception {
        StatePieces.Split s = StatePieces.split(value);
        return StatePieces.join(s.shape(), s.pieces(), LOADERS);
    }

    /** What a partition of n keys snapshots: {keys, lastSeen, created, states}. */
    private static Object[] partition(int n, int changedKey, long changedValue) {
        ArrayList<Object> keys = new ArrayList<>();
        long[] lastSeen = new long[n];
        long[] created = new long[n];
        ArrayList<HashMap<String, Serializable>> states = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add("key-" + i);
            lastSeen[i] = i == changedKey ? changedValue : i;
            created[i] = i;
            HashMap<String, Serializable> st = new HashMap<>();
            st.put("q/selector", new Object[] {"key-" + i, i == changedKey ? changedValue : (long) i});
            states.add(st);
        }
        return new Object[] {keys, lastSeen, created, states};
    }

    @Test
    void largeContainersAndTuplesComeBackEqualAndOfTheSameTypes() throws Exception {
        Object[] p = partition(5000, -1, 0);
        Object[] back = (Object[]) roundTrip(p);
        assertThat(back[0]).isInstanceOf(ArrayList.class).isEqualTo(p[0]);
        assertThat((long[]) back[1]).isEqualTo((long[]) p[1]);
        assertThat((long[]) back[2]).isEqualTo((long[]) p[2]);
        assertThat(back[3]).isInstanceOf(ArrayList.class);
        assertThat(((List<?>) back[3]).size()).isEqualTo(5000);
        assertThat((Object[]) ((Map<?, ?>) ((List<?>) back[3]).get(4999)).get("q/selector"))
                .containsExactly("key-4999", 4999L);

        Object[][] events = new Object[1000][];
        for (int i = 0; i < events.length; i++) {
            events[i] = new Object[] {"s" + i, (double) i};
        }
        Object[][] e = (Object[][]) ((Object[]) roundTrip(new Object[] {new long[] {1, 2}, events}))[1];
        assertThat(e.getClass()).isEqualTo(Object[][].class);
        assertThat(e[999]).containsExactly("s999", 999.0);

        LinkedHashMap<Object, Serializable> groups = new LinkedHashMap<>();
        for (int i = 999; i >= 0; i--) {
            groups.put("g" + i, new long[] {i});
        }
        @SuppressWarnings("unchecked")
        LinkedHashMap<Object, Serializable> g = (LinkedHashMap<Object, Serializable>) roundTrip(groups);
        assertThat(g.keySet()).containsExactlyElementsOf(groups.keySet());
        assertThat((long[]) g.get("g7")).containsExactly(7L);
        assertThat(StatePieces.split(groups).pieces()).hasSize(1000 / StatePieces.PAGE + 1);

        LinkedHashMap<String, Serializable> small = new LinkedHashMap<>(Map.of("a", 1L));
        assertThat(roundTrip(small)).isEqualTo(small).isInstanceOf(LinkedHashMap.class);
        assertThat(roundTrip(null)).isNull();
        assertThat(roundTrip(new Object[] {null, "x", 3})).isEqualTo(new Object[] {null, "x", 3});
    }

    @Test
    void oneChangedKeyChangesOnlyTheBytesOfItsPages() throws Exception {
        StatePieces.Split before = StatePieces.split(partition(10_000, -1, 0));
        StatePieces.Split after = StatePieces.split(partition(10_000, 7777, 123_456));
        assertThat(after.shape()).isEqualTo(before.shape());
        assertThat(after.pieces()).hasSameSizeAs(before.pieces());
        int changed = 0;
        long changedBytes = 0;
        long total = 0;
        for (int i = 0; i < before.pieces().size(); i++) {
            total += after.pieces().get(i).length;
            if (!java.util.Arrays.equals(before.pieces().get(i), after.pieces().get(i))) {
                changed++;
                changedBytes += after.pieces().get(i).length;
            }
        }
        // one page of lastSeen, one page of states
        assertThat(changed).isEqualTo(2);
        assertThat(changedBytes).isLessThan(total / 50);
    }

    @Test
    void aFormat1SnapshotIsStillRead() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeUTF("eventflux-snapshot");
            o.writeInt(1);
            o.writeUTF("App");
            o.writeUTF("f".repeat(64));
            LinkedHashMap<String, Serializable> state = new LinkedHashMap<>();
            state.put("query-1/window", new Object[] {new long[] {5}, new Object[][] {{"a"}}});
            o.writeObject(state);
        }
        SnapshotCodec.Revision r = SnapshotCodec.decode(bytes.toByteArray(), false, LOADERS);
        assertThat(r.format()).isEqualTo(1);
        assertThat(r.app()).isEqualTo("App");
        assertThat(r.units()).isEmpty();
        Map<String, Serializable> state = SnapshotCodec.state(r.entries(), LOADERS);
        Object[] w = (Object[]) state.get("query-1/window");
        assertThat((long[]) w[0]).containsExactly(5L);
    }

    @Test
    void aTruncatedOrForeignSnapshotIsAnErrorNotAState() throws Exception {
        byte[] good = SnapshotCodec.encode("App", "f", Map.of("q", "u"), null, 1, Map.of("q/s",
                new SnapshotCodec.Entry(StatePieces.split("x").shape(), StatePieces.split("x").pieces())));
        assertThatThrownBy(() -> SnapshotCodec.decode(java.util.Arrays.copyOf(good, good.length - 3), false, LOADERS))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> SnapshotCodec.decode("hello world".getBytes(), false, LOADERS))
                .isInstanceOf(IOException.class).hasMessageContaining("not an EventFlux app snapshot");
        SnapshotCodec.Revision header = SnapshotCodec.decode(good, true, LOADERS);
        assertThat(header.parts()).isEqualTo(1);
        assertThat(header.entries()).isEmpty();
    }
}
