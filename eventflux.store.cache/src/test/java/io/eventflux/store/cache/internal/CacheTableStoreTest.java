package io.eventflux.store.cache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.DuplicateKeyException;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheTableStoreTest {
    private static final StreamSchema SCHEMA = new StreamSchema("C", List.of(new Attribute("id", AttributeType.STRING),
            new Attribute("n", AttributeType.INT)));

    private static TableStore store(int size) {
        return new CacheTableStoreFactory().create(new TableSpec("app", SCHEMA, List.of("id"), List.of("n"),
                Map.of("cache.size", String.valueOf(size))));
    }

    private static List<List<Object>> all(TableStore s) {
        return s.find(new Condition.Test(r -> true, "all")).stream().map(Arrays::asList).toList();
    }

    @Test
    void evictsTheLeastRecentlyUsedRow() {
        TableStore s = store(2);
        s.insert(new Object[] {"a", 1});
        s.insert(new Object[] {"b", 2});
        assertThat(s.find(Condition.eq("id", "a"))).hasSize(1); // a is now more recent than b
        s.insert(new Object[] {"c", 3});
        assertThat(s.size()).isEqualTo(2);
        assertThat(s.find(Condition.eq("id", "b"))).isEmpty();
        assertThat(s.find(Condition.eq("n", 1))).hasSize(1);
        s.update(Condition.eq("id", "c"), r -> new Object[] {"c", 30}); // c used last
        s.find(Condition.eq("id", "a"));
        s.insert(new Object[] {"d", 4});
        assertThat(s.find(Condition.eq("id", "c"))).isEmpty();
        assertThat(s.find(Condition.eq("id", "a"))).hasSize(1);
        assertThat(s.find(Condition.eq("n", 3))).isEmpty();
    }

    @Test
    void keysSnapshotsAndOptions() {
        TableStore s = store(3);
        s.insert(new Object[] {"a", 1});
        assertThatThrownBy(() -> s.insert(new Object[] {"a", 2})).isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining("id=a");
        s.insert(new Object[] {"b", 2});
        Serializable state = s.snapshot();
        TableStore restored = store(3);
        restored.restore(state);
        assertThat(all(restored)).containsExactly(List.of("a", 1), List.of("b", 2));
        assertThat(s.delete(Condition.eq("id", "a"))).isEqualTo(1);
        assertThatThrownBy(() -> new CacheTableStoreFactory().create(new TableSpec("app", SCHEMA, List.of(), List.of(),
                Map.of("cache.size", "0")))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'cache.size'");
    }
}
