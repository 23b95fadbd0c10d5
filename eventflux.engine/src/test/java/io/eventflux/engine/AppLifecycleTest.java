package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Apps across extension changes: WAITING for missing extensions, started when they arrive, suspended with
 * their state when one leaves and resumed with it when it (or a new version) comes back. The registry is
 * changed programmatically, as the OSGi whiteboard's bind and unbind do.
 */
class AppLifecycleTest {
    private final EventFluxRuntime runtime = RealBundles.runtime();
    private final ExtensionRegistry registry = runtime.registry();

    @AfterEach
    void close() {
        runtime.close();
    }

    private static final String WINDOWED = """
            @app:name('sums')
            CREATE STREAM S (v INT);
            INSERT INTO Out SELECT v, sum(v) AS total FROM S WINDOW('length', 3);
            """;

    /** Removes the factory of an extension and returns a way to put the same object back. */
    private Runnable remove(String type, String name) {
        Object factory = registry.find(type, name, Object.class).orElseThrow();
        Map<String, Object> props = ExtensionRegistry.properties(factory.getClass().getAnnotation(Extension.class));
        assertThat(registry.remove(factory)).isTrue();
        return () -> registry.add(type, factory, props);
    }

    @Test
    void anAppMissingAWindowWaitsNamingItAndStartsWhenItArrives() throws Exception {
        Runnable putBack = remove(Extension.WINDOW, "length");
        AppRuntime app = runtime.deploy(WINDOWED, DeployOptions.playback());
        assertThat(app.name()).isEqualTo("sums");
        assertThat(app.info().state()).isEqualTo(AppState.WAITING);
        assertThat(app.info().waitingFor()).containsExactly("window:length");
        assertThat(app.info().error()).contains("unknown window 'length'");
        Collector out = new Collector();
        app.addCallback("Out", out); // registered while waiting: attached when the app starts
        assertThatThrownBy(() -> app.inputHandler("S")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting for window:length");

        putBack.run();

        assertThat(app.info().state()).isEqualTo(AppState.RUNNING);
        assertThat(app.info().waitingFor()).isEmpty();
        app.inputHandler("S").send(1L, new Object[] {5});
        assertThat(out.rows()).containsExactly("1:[5, 5]");
    }

    @Test
    void aWindowBundleLeavingSuspendsTheAppAndItsReturnResumesItWithTheWindowContent() throws Exception {
        AppRuntime app = runtime.deploy(WINDOWED, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        in.send(1L, new Object[] {1});
        in.send(2L, new Object[] {2});

        Runnable putBack = remove(Extension.WINDOW, "length");
        assertThat(app.info().state()).isEqualTo(AppState.WAITING);
        assertThat(app.info().waitingFor()).containsExactly("window:length");
        assertThatThrownBy(() -> in.send(3L, new Object[] {100})).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("app 'sums' is waiting for window:length");

        putBack.run();
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING);
        in.send(3L, new Object[] {3});
        in.send(4L, new Object[] {4});
        // 1 + 2 + 3 = 6 proves the window kept 1 and 2 across the suspension; then 1 leaves the window
        assertThat(out.rows()).containsExactly("1:[1, 1]", "2:[2, 3]", "3:[3, 6]", "4:[4, 9]");
        assertThat(((io.eventflux.engine.internal.app.AppRuntimeImpl) app).restarts()).isEqualTo(1);
    }

    @Test
    void rowsHeldByOutputRateLimitingAreCarriedAcrossASuspensionNotFlushedTwice() throws Exception {
        AppRuntime app = runtime.deploy("""
                @app:name('held')
                CREATE STREAM S (v INT);
                INSERT INTO Out SELECT v FROM S WINDOW('length', 5) OUTPUT ALL EVERY 3 EVENTS;
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        for (int v = 1; v <= 4; v++) {
            in.send(v, new Object[] {v});
        }

        Runnable putBack = remove(Extension.WINDOW, "length");
        assertThat(app.info().state()).isEqualTo(AppState.WAITING);
        // 4 is held in the kept state, not flushed as if the app ended
        assertThat(out.rows()).containsExactly("1:[1]", "2:[2]", "3:[3]");
        putBack.run();
        in.send(5L, new Object[] {5});
        in.send(6L, new Object[] {6});

        assertThat(out.rows()).containsExactly("1:[1]", "2:[2]", "3:[3]", "4:[4]", "5:[5]", "6:[6]");
        assertThat(out.chunks()).hasSize(2);
    }

    @Test
    void updatingAFunctionLibraryHotSwapsTheUdfWithoutLosingWindowState() throws Exception {
        Scaled v1 = new Scaled(10);
        registry.add(Extension.FUNCTION, v1, Map.of(ExtensionRegistry.NAME, "scale"));
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (v INT);
                INSERT INTO Out SELECT scale:times(v) AS scaled, sum(v) AS total FROM S WINDOW('length', 3);
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1L, new Object[] {1});
        app.inputHandler("S").send(2L, new Object[] {2});

        // an update: the old service goes away, the new version's service arrives
        registry.remove(v1);
        assertThat(app.info().waitingFor()).containsExactly("function:scale");
        registry.add(Extension.FUNCTION, new Scaled(100), Map.of(ExtensionRegistry.NAME, "scale"));

        app.inputHandler("S").send(3L, new Object[] {3});
        assertThat(out.rows()).containsExactly("1:[10, 1]", "2:[20, 3]", "3:[300, 6]");
    }

    @Test
    void anotherProviderOfTheSameNameRestartsTheAppOnItKeepingState() throws Exception {
        Scaled v1 = new Scaled(10);
        registry.add(Extension.FUNCTION, v1, Map.of(ExtensionRegistry.NAME, "scale"));
        AppRuntime app = runtime.deploy("""
                CREATE STREAM S (v INT);
                INSERT INTO Out SELECT scale:times(v) AS scaled, sum(v) AS total FROM S WINDOW('length', 3);
                """, DeployOptions.playback());
        Collector out = new Collector();
        app.addCallback("Out", out);
        app.inputHandler("S").send(1L, new Object[] {1});
        // a second provider arrives first (a new bundle version started before the old one stops)
        registry.add(Extension.FUNCTION, new Scaled(1000), Map.of(ExtensionRegistry.NAME, "scale"));
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING); // still on v1: first added wins
        registry.remove(v1);
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING); // moved to the other provider at once
        app.inputHandler("S").send(2L, new Object[] {2});
        assertThat(out.rows()).containsExactly("1:[10, 1]", "2:[2000, 3]");
    }

    @Test
    void extensionsAnAppDoesNotUseLeaveItRunning() throws Exception {
        AppRuntime app = runtime.deploy(WINDOWED, DeployOptions.playback());
        Runnable putBack = remove(Extension.WINDOW, "time");
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING);
        putBack.run();
        assertThat(((io.eventflux.engine.internal.app.AppRuntimeImpl) app).restarts()).isZero();
    }

    @Test
    void aMissingAggregatorAndASinkFormatAreWaitedForToo() throws Exception {
        Runnable sum = remove(Extension.AGGREGATOR, "sum");
        AppRuntime app = runtime.deploy(WINDOWED, DeployOptions.playback());
        // sum(v) could be a function or an aggregator: the compiler cannot tell which is missing
        assertThat(app.info().waitingFor()).containsExactly("function:sum");
        sum.run();
        assertThat(app.info().state()).isEqualTo(AppState.RUNNING);

        AppRuntime sink = runtime.deploy("""
                CREATE STREAM In (v INT);
                CREATE STREAM Sent (v INT) WITH (type = 'sink', extension = 'log', format = 'avro');
                INSERT INTO Sent SELECT v FROM In;
                """, DeployOptions.playback().withName("sink"));
        assertThat(sink.info().state()).isEqualTo(AppState.WAITING);
        assertThat(sink.info().waitingFor()).containsExactly("mapper:avro");
    }

    @Test
    void aTypoAndOtherCompileErrorsStillFailTheDeploy() {
        assertThatThrownBy(() -> runtime.deploy("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT v FROM S WINDOW('lenght', 2);",
                DeployOptions.playback())).isInstanceOf(CompileException.class).hasMessageContaining("did you mean 'length'?");
        assertThatThrownBy(() -> runtime.deploy("CREATE STREAM S (v INT);\nINSERT INTO Out SELECT v FROM Nowhere WINDOW('hamster', 2);",
                DeployOptions.playback())).isInstanceOf(CompileException.class).hasMessageContaining("Nowhere");
        assertThat(runtime.apps()).isEmpty();
    }

    @Test
    void undeployingAWaitingAppStopsItAndFreesItsName() throws Exception {
        AppRuntime app = runtime.deploy(WINDOWED.replace("'length'", "'hamster'"), DeployOptions.playback());
        assertThat(app.info().waitingFor()).containsExactly("window:hamster");
        assertThat(runtime.undeploy("sums")).isTrue();
        assertThat(app.info().state()).isEqualTo(AppState.STOPPED);
        assertThat(runtime.deploy(WINDOWED, DeployOptions.playback()).info().state()).isEqualTo(AppState.RUNNING);
    }

    @Test
    void aSuspendedAsynchronousAppDrainsItsRingBeforeKeepingState() throws Exception {
        AppRuntime app = runtime.deploy(WINDOWED, DeployOptions.defaults());
        Collector out = new Collector();
        app.addCallback("Out", out);
        InputHandler in = app.inputHandler("S");
        for (int i = 1; i <= 1000; i++) {
            in.send(i, new Object[] {1});
        }
        Runnable putBack = remove(Extension.WINDOW, "length");
        // every event accepted before the suspension was processed: nothing was lost in the ring
        assertThat(out.rows()).hasSize(1000);
        putBack.run();
        in.send(1001L, new Object[] {1});
        ((io.eventflux.engine.internal.app.AppRuntimeImpl) app).processed().toCompletableFuture().get();
        assertThat(out.rows()).hasSize(1001).last().asString().endsWith("[1, 3]");
    }

    /** A function library "scale" with times(x) = x * factor: two instances stand for two bundle versions. */
    private static final class Scaled implements FunctionFactory {
        private final int factor;

        Scaled(int factor) {
            this.factor = factor;
        }

        @Override
        public Set<String> names() {
            return Set.of("times");
        }

        @Override
        public FunctionDefinition define(FunctionSpec spec) {
            return new FunctionDefinition() {
                @Override
                public AttributeType returnType() {
                    return AttributeType.INT;
                }

                @Override
                public io.eventflux.api.function.Function create(io.eventflux.api.function.FunctionContext context) {
                    return args -> args[0] == null ? null : ((Integer) args[0]) * factor;
                }
            };
        }
    }
}
