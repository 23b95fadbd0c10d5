package io.eventflux.store.inmemory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryTableStoreTest {
    private static final StreamSchema SCHEMA = new StreamSchema("T", List.of(new Attribute("id", AttributeType.STRING),
            new Attribute("n", AttributeType.INT), new Attribute("tag", AttributeType.STRING)));

    private final TableStore store = new InMemoryTableStoreFactory().create(
            new TableSpec("app", SCHEMA, List.of("id"), List.of("tag"), Map.of()));

    private static List<List<Object>> lists(List<Object[]> rows) {
        return rows.stream().map(Arrays::asList).toList();
    }

    @Test
    void insertFindUpdateDelete() {
        store.insert(new Object[] {"a", 1, "x"});
        store.insert(new Object[] {"b", 2, "x"});
        store.insert(new Object[] {"c", 3, "y"});
        assertThat(lists(store.find(Condition.eq("id", "b")))).containsExactly(List.of("b", 2, "x"));
        assertThat(lists(store.find(Condition.eq("tag", "x")))).hasSize(2);
        assertThat(lists(store.find(new Condition.Compare("n", Condition.Op.GE, 2L)))).hasSize(2);
        assertThat(lists(store.find(new Condition.Or(List.of(Condition.eq("id", "a"), Condition.eq("n", 3.0))))))
                .containsExactly(List.of("a", 1, "x"), List.of("c", 3, "y"));
        assertThat(store.update(Condition.eq("tag", "x"), r -> new Object[] {r[0], (Integer) r[1] * 10, "z"}))
                .isEqualTo(2);
        assertThat(lists(store.find(Condition.eq("tag", "z")))).containsExactly(List.of("a", 10, "z"),
                List.of("b", 20, "z"));
        assertThat(store.find(Condition.eq("tag", "x"))).isEmpty();
        assertThat(store.delete(new Condition.Test(r -> (Integer) r[1] > 5, "n > 5"))).isEqualTo(2);
        assertThat(lists(store.find(Condition.TRUE))).containsExactly(List.of("c", 3, "y"));
        assertThat(store.find(Condition.eq("tag", null))).isEmpty();
    }

    @Test
    void duplicateKeysNameTheTableAndKey() {
        store.insert(new Object[] {"a", 1, "x"});
        store.insert(new Object[] {"b", 1, "x"});
        assertThatThrownBy(() -> store.insert(new Object[] {"a", 2, "y"})).isInstanceOf(DuplicateKeyException.class)
                .hasMessage("table 'T': primary key (id=a) already exists");
        assertThatThrownBy(() -> store.update(Condition.eq("id", "b"), r -> new Object[] {"a", 1, "x"}))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(lists(store.find(Condition.TRUE))).containsExactly(List.of("a", 1, "x"), List.of("b", 1, "x"));
    }

    @Test
    void snapshotAndRestore() {
        store.insert(new Object[] {"a", 1, "x"});
        Serializable state = store.snapshot();
        store.delete(Condition.TRUE);
        store.restore(state);
        assertThat(lists(store.find(Condition.eq("tag", "x")))).containsExactly(List.of("a", 1, "x"));
        assertThatThrownBy(() -> store.insert(new Object[] {"a", 1, "x"})).isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void badColumnsAreRejectedAndTheFactoryIsAnExtension() {
        assertThatThrownBy(() -> new InMemoryTableStoreFactory().create(
                new TableSpec("app", SCHEMA, List.of("nope"), List.of(), Map.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'nope'");
        Extension ext = InMemoryTableStoreFactory.class.getAnnotation(Extension.class);
        assertThat(ext.type()).isEqualTo(Extension.TABLE_STORE);
        assertThat(ext.name()).isEqualTo("inMemory");
    }
}
