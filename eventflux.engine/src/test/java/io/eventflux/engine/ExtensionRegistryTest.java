package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.window.WindowFactory;
import io.eventflux.engine.testext.LengthBatchWindowFactory;
import io.eventflux.engine.testext.LengthWindowFactory;
import io.eventflux.engine.testext.TestAggregators;
import io.eventflux.engine.testext.TimeBatchWindowFactory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExtensionRegistryTest {
    @Test
    void osgiPropertyPathAddsLooksUpIgnoringCaseAndRemoves() throws Exception {
        ExtensionRegistry registry = new ExtensionRegistry();
        AtomicInteger changes = new AtomicInteger();
        AutoCloseable listener = registry.addListener(changes::incrementAndGet);
        WindowFactory first = new TimeBatchWindowFactory();
        WindowFactory second = new LengthBatchWindowFactory();
        registry.add("window", first, Map.of(ExtensionRegistry.NAME, "timeBatch",
                ExtensionRegistry.ALIASES, new String[] {"tumbling"},
                ExtensionRegistry.DESCRIPTION, "tumbling time batches",
                ExtensionRegistry.PARAMETERS, new String[] {"duration: LONG, batch length"},
                ExtensionRegistry.PROVIDER, "eventflux.window.timebatch"));
        registry.add(second, Map.of(ExtensionRegistry.NAME, "TUMBLING", ExtensionRegistry.ALIASES, "other"));

        assertThat(registry.window("TimeBatch")).containsSame(first);
        assertThat(registry.window("tumbling")).containsSame(first); // the first claim wins
        assertThat(registry.window("OTHER")).containsSame(second);
        assertThat(registry.windowNames()).contains("timeBatch", "tumbling", "other");
        ExtensionInfo info = registry.extensions().get(0);
        assertThat(info).isEqualTo(new ExtensionInfo("window", "timeBatch", List.of("tumbling"),
                "tumbling time batches", List.of("duration: LONG, batch length"), "eventflux.window.timebatch"));
        assertThat(registry.extensions().get(1).provider()).isEqualTo(LengthBatchWindowFactory.class.getName());

        assertThat(registry.remove(first)).isTrue();
        assertThat(registry.window("tumbling")).containsSame(second);
        assertThat(registry.window("timeBatch")).isEmpty();
        assertThat(registry.remove(first)).isFalse();
        assertThat(changes.get()).isEqualTo(3);
        listener.close();
        registry.remove(second);
        assertThat(changes.get()).isEqualTo(3);
        assertThat(registry.extensions()).isEmpty();
    }

    @Test
    void lazyRegistrationIsListedWithoutMakingTheFactoryAndMadeOnceOnFirstLookup() {
        ExtensionRegistry registry = new ExtensionRegistry();
        AtomicInteger made = new AtomicInteger();
        WindowFactory factory = new TimeBatchWindowFactory();
        Object key = new Object();
        registry.addLazily("window", key, () -> {
            made.incrementAndGet();
            return factory;
        }, Map.of(ExtensionRegistry.NAME, "timeBatch", ExtensionRegistry.ALIASES, new String[] {"tumbling"},
                ExtensionRegistry.PROVIDER, "eventflux.window.timebatch"));

        assertThat(registry.extensions()).containsExactly(new ExtensionInfo("window", "timeBatch", List.of("tumbling"),
                "", List.of(), "eventflux.window.timebatch"));
        assertThat(registry.windowNames()).contains("timeBatch", "tumbling");
        assertThat(made.get()).isZero();
        assertThat(registry.window("TUMBLING")).containsSame(factory);
        assertThat(registry.window("timeBatch")).containsSame(factory);
        assertThat(made.get()).isEqualTo(1);

        assertThat(registry.remove(factory)).isFalse(); // a lazy registration goes by its key
        assertThat(registry.remove(key)).isTrue();
        assertThat(registry.window("timeBatch")).isEmpty();
    }

    @Test
    void lazyRegistrationWhoseFactoryIsGoneFindsNothingAndAWrongTypeFailsTheLookup() {
        ExtensionRegistry registry = new ExtensionRegistry();
        registry.addLazily("window", "gone", () -> null,
                Map.of(ExtensionRegistry.NAME, "gone", ExtensionRegistry.PROVIDER, "p"));
        registry.addLazily("aggregator", "wrong", LengthWindowFactory::new,
                Map.of(ExtensionRegistry.NAME, "wrong", ExtensionRegistry.PROVIDER, "p"));
        assertThat(registry.window("gone")).isEmpty();
        assertThatThrownBy(() -> registry.aggregator("wrong"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AggregatorFactory");
        assertThatThrownBy(() -> registry.addLazily("window", "k", LengthWindowFactory::new, Map.of(ExtensionRegistry.NAME, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(ExtensionRegistry.PROVIDER);
        assertThatThrownBy(() -> registry.addLazily("nope", "k", LengthWindowFactory::new,
                Map.of(ExtensionRegistry.NAME, "x", ExtensionRegistry.PROVIDER, "p")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown extension type");
    }

    @Test
    void rejectsFactoriesWithoutNameOrOfTheWrongType() {
        ExtensionRegistry registry = new ExtensionRegistry();
        assertThatThrownBy(() -> registry.add("window", new LengthWindowFactory(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eventflux.extension.name");
        assertThatThrownBy(() -> registry.add("aggregator", new LengthWindowFactory(), Map.of(ExtensionRegistry.NAME, "x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AggregatorFactory");
    }

    @Test
    void functionLibrariesAndAggregatorsFormTheCatalog() {
        ExtensionRegistry registry = TestEngines.registry();
        assertThat(registry.functionLibraries()).containsKey("TESTFN");
        assertThat(registry.aggregator("SUM")).isPresent();
        assertThat(registry.aggregatorNames()).containsExactlyInAnyOrder("count", "sum", "avg");
    }

    @Test
    void serviceLoaderPathFindsListedFactoriesWithTheirAnnotation() throws Exception {
        try (EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            assertThat(runtime.extensions()).extracting(ExtensionInfo::name).contains("length", "timeBatch", "avg");
            assertThat(runtime.registry().window("tumbling")).isPresent();
            AppRuntime app = runtime.deploy("CREATE STREAM S (v DOUBLE); INSERT INTO Out SELECT avg(v) AS a FROM S "
                    + "WINDOW('length', 2);", DeployOptions.playback());
            Collector c = new Collector();
            app.addCallback("Out", c);
            for (int i = 1; i <= 3; i++) {
                app.inputHandler("S").send(i, new Object[] {i * 1.0});
            }
            assertThat(c.rows()).containsExactly("1:[1.0]", "2:[1.5]", "3:[2.5]");
        }
    }

    @Test
    void aggregatorFactoriesAreTypedByInterfaceWhenNoTypeIsGiven() {
        ExtensionRegistry registry = new ExtensionRegistry();
        registry.add(new TestAggregators.Sum(), Map.of(ExtensionRegistry.NAME, "sum"));
        assertThat(registry.extensions().get(0).type()).isEqualTo("aggregator");
    }
}
