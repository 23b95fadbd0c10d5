package io.eventflux.extension.support.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexedRowsTest {
    private static final StreamSchema SCHEMA = new StreamSchema("T", List.of(new Attribute("id", AttributeType.LONG),
            new Attribute("tag", AttributeType.STRING)));
    private static final TableSpec SPEC = new TableSpec("app", SCHEMA, List.of("id"), List.of("tag"), Map.of());

    private final List<String> seen = new ArrayList<>();
    private final IndexedRows rows = new IndexedRows(SPEC, new IndexedRows.Listener() {
        @Override
        public void added(long id) {
            seen.add("added " + id);
        }

        @Override
        public void removed(long id) {
            seen.add("removed " + id);
        }

        @Override
        public void found(long id) {
            seen.add("found " + id);
        }
    });

    @Test
    void reportsAdditionsFindsAndRemovalsToTheListener() {
        rows.insert(new Object[] {1L, "x"});
        rows.insert(new Object[] {2L, "y"});
        rows.find(Condition.eq("tag", "y"));
        rows.update(Condition.eq("id", 1), r -> new Object[] {1L, "z"});
        rows.delete(Condition.eq("id", 2.0));

        assertThat(seen).containsExactly("added 0", "added 1", "found 1", "added 0", "removed 1");
        assertThat(rows.find(Condition.eq("tag", "z"))).extracting(Arrays::asList).containsExactly(List.of(1L, "z"));
        assertThat(rows.find(Condition.eq("tag", "x"))).isEmpty();
    }

    @Test
    void rejectsADuplicateKeyWithAnEqualNumber() {
        rows.insert(new Object[] {1L, "x"});

        assertThatThrownBy(() -> rows.requireNewKey(new Object[] {1, "y"})).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("id=1");
        assertThatThrownBy(() -> rows.insert(new Object[] {1.0, "y"})).isInstanceOf(DuplicateKeyException.class);
        assertThat(rows.size()).isEqualTo(1);
    }

    @Test
    void snapshotsInAGivenOrderAndRestoresInThatOrder() {
        rows.insert(new Object[] {1L, "x"});
        rows.insert(new Object[] {2L, "y"});
        Serializable state = rows.snapshot(List.of(1L, 0L));

        IndexedRows restored = new IndexedRows(SPEC, IndexedRows.Listener.NONE);
        restored.restore(state);

        assertThat(restored.find(Condition.TRUE)).extracting(Arrays::asList)
                .containsExactly(List.of(2L, "y"), List.of(1L, "x"));
        assertThat(restored.find(Condition.eq("id", 1))).hasSize(1);
    }

    @Test
    void requiresKeyAndIndexColumnsOfTheSchema() {
        assertThatThrownBy(() -> IndexedRows.requireColumns(new TableSpec("app", SCHEMA, List.of(), List.of("nope"),
                Map.of()))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index column 'nope'");
    }
}
