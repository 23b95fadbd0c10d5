package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.Condition;
import io.eventflux.api.store.TableSpec;
import io.eventflux.api.store.TableStore;
import io.eventflux.api.store.TableStoreFactory;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** What a store is asked: join, UPDATE / DELETE and on-demand conditions arrive as bound {@link Condition}s. */
class TableConditionPushdownTest {
    /** A list store that records every condition it is asked. */
    @Extension(type = Extension.TABLE_STORE, name = "recording")
    public static final class Recording implements TableStoreFactory {
        final List<String> asked = new ArrayList<>();

        @Override
        public TableStore create(TableSpec spec) {
            StreamSchema schema = spec.schema();
            List<Object[]> rows = new ArrayList<>();
            return new TableStore() {
                @Override
                public void insert(Object[] row) {
                    rows.add(row.clone());
                }

                @Override
                public List<Object[]> find(Condition c) {
                    asked.add("find " + describe(c));
                    return rows.stream().filter(r -> c.matches(schema, r)).toList();
                }

                @Override
                public int update(Condition c, UnaryOperator<Object[]> update) {
                    asked.add("update " + describe(c));
                    int n = 0;
                    for (int i = 0; i < rows.size(); i++) {
                        if (c.matches(schema, rows.get(i))) {
                            rows.set(i, update.apply(rows.get(i)));
                            n++;
                        }
                    }
                    return n;
                }

                @Override
                public int delete(Condition c) {
                    asked.add("delete " + describe(c));
                    int before = rows.size();
                    rows.removeIf(r -> c.matches(schema, r));
                    return before - rows.size();
                }

                @Override
                public Serializable snapshot() {
                    return new ArrayList<>(rows);
                }

                @Override
                @SuppressWarnings("unchecked")
                public void restore(Serializable state) {
                    rows.clear();
                    rows.addAll((List<Object[]>) state);
                }
            };
        }

        private static String describe(Condition c) {
            if (c instanceof Condition.Compare cmp) {
                return cmp.column() + " " + cmp.op() + " " + cmp.value();
            }
            if (c instanceof Condition.And a) {
                return a.conditions().isEmpty() ? "TRUE"
                        : "(" + String.join(" AND ", a.conditions().stream().map(Recording::describe).toList()) + ")";
            }
            if (c instanceof Condition.Or o) {
                return "(" + String.join(" OR ", o.conditions().stream().map(Recording::describe).toList()) + ")";
            }
            return "test";
        }
    }

    @Test
    void conditionsAreBoundAndPushedToTheStore() throws Exception {
        ExtensionRegistry registry = TestEngines.registry();
        Recording store = new Recording();
        registry.add(store, Recording.class.getAnnotation(Extension.class));
        try (EventFluxRuntime runtime = new EventFluxRuntime(registry)) {
            AppRuntime app = runtime.deploy("""
                    CREATE STREAM In (id STRING, price DOUBLE);
                    CREATE STREAM Q (id STRING, max DOUBLE);
                    CREATE STREAM D (id STRING);
                    CREATE TABLE T (id STRING PRIMARY KEY, price DOUBLE) WITH ('extension' = 'recording');
                    INSERT INTO T SELECT id, price FROM In;
                    INSERT INTO Out SELECT T.id AS id, price FROM Q JOIN T ON T.price <= Q.max AND T.id <> Q.id;
                    DELETE FROM T USING D WHERE T.id = D.id OR T.price > 100.0;
                    INSERT INTO Out SELECT T.id AS id, price FROM T JOIN D ON T.price < 10.0 AND D.id = 'x';
                    """, DeployOptions.playback());
            Collector out = new Collector();
            app.addCallback("Out", out);
            app.inputHandler("In").send(1L, new Object[] {"a", 5.0});
            app.inputHandler("In").send(2L, new Object[] {"b", 50.0});
            app.inputHandler("Q").send(3L, new Object[] {"b", 60.0});
            app.inputHandler("D").send(4L, new Object[] {"x"});
            app.inputHandler("D").send(5L, new Object[] {"a"});
            assertThat(app.query("SELECT id FROM T WHERE price * 2 > 10 AND id = 'b'").rowLists())
                    .containsExactly(List.of("b"));
            app.shutdown();
            assertThat(Scenario.rows(out.events())).containsExactly("3:[a, 5.0]", "4:[a, 5.0]");
            // queries run before table changes on the same stream; D 'a' fails the join's D.id = 'x' before any find
            assertThat(store.asked).containsExactly("find (price LE 60.0 AND id NE b)",
                    "find price LT 10.0", "delete (id EQ x OR price GT 100.0)",
                    "delete (id EQ a OR price GT 100.0)", "find (id EQ b AND test)");
        }
    }
}
