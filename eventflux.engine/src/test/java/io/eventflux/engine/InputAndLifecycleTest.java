package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.InputHandler;
import io.eventflux.engine.internal.app.AppRuntimeImpl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InputAndLifecycleTest {
    private final EventFluxRuntime runtime = TestEngines.runtime();

    @AfterEach
    void close() {
        runtime.close();
    }

    @Test
    void wrongArityAndWrongTypesAreRejectedNamingStreamAttributeTypeAndValue() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (symbol STRING, price DOUBLE, n INT); INSERT INTO Out SELECT * FROM S;",
                DeployOptions.playback());
        InputHandler in = app.inputHandler("S");
        assertThatThrownBy(() -> in.send(1, new Object[] {"A", 1.0})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("S").hasMessageContaining("3 attribute");
        assertThatThrownBy(() -> in.send(1, new Object[] {"A", "x", 1})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream S").hasMessageContaining("'price'").hasMessageContaining("DOUBLE")
                .hasMessageContaining("'x'");
        assertThatThrownBy(() -> in.send(1, new Object[] {"A", 1.0, 5L})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'n'").hasMessageContaining("INT");
        assertThatThrownBy(() -> app.inputHandler("Nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Nope");
    }

    @Test
    void numbersWidenAtTheBoundaryAndCallbacksCanBeClosed() throws Exception {
        AppRuntime app = runtime.deploy("CREATE STREAM S (l LONG, d DOUBLE, f FLOAT); INSERT INTO Out SELECT * FROM S;",
                DeployOptions.playback());
        Collector c = new Collector();
        AutoCloseable handle = app.addCallback("Out", c);
        Object[] data = {1, 2, (short) 3};
        app.inputHandler("S").send(1, data);
        handle.close();
        app.inputHandler("S").send(2, new Object[] {1L, 2.0, 3f});
        assertThat(c.events()).hasSize(1);
        assertThat(c.events().get(0).data()).containsExactly(1L, 2.0, 3f);
        assertThat(data[0]).isEqualTo(1); // the caller's array is not changed
    }

    @Test
    void namesDuplicatesUndeployAndInfo() throws Exception {
        AppRuntime a = runtime.deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;", DeployOptions.playback());
        assertThat(a.name()).startsWith("app-");
        runtime.deploy("CREATE STREAM S (v INT); INSERT INTO Out SELECT v FROM S;", DeployOptions.playback().withName("x"));
        assertThatThrownBy(() -> runtime.deploy("CREATE STREAM S (v INT);", DeployOptions.playback().withName("x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'x'");
        assertThat(runtime.apps()).extracting(i -> i.name()).containsExactly(a.name(), "x");
        assertThat(a.info().streams()).extracting(s -> s.name()).containsExactly("S", "Out");
        assertThat(runtime.validate("CREATE STREAM S (v INT); INSERT INTO Out SELECT v AS w FROM S;"))
                .extracting(s -> s.name()).containsExactly("S", "Out");
        assertThat(runtime.undeploy("x")).isTrue();
        assertThat(runtime.undeploy("x")).isFalse();
        assertThat(runtime.app("x")).isEmpty();
        runtime.close();
        assertThat(runtime.apps()).isEmpty();
        assertThat(a.info().state()).isEqualTo(AppState.STOPPED);
    }

    @Test
    void missingConnectorLeavesTheAppWaitingNamingTheExtension() throws Exception {
        AppRuntime app = runtime.deploy(
                "CREATE STREAM In (v INT) WITH (type = 'source', extension = 'kafka'); INSERT INTO Out SELECT v FROM In;",
                DeployOptions.playback());
        assertThat(app.info().state()).isEqualTo(AppState.WAITING);
        assertThat(app.info().waitingFor()).containsExactly("source:kafka");
        assertThatThrownBy(() -> app.inputHandler("In").send(1)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("waiting for source:kafka");
    }

    @Test
    void snapshotAndRestoreOfWindowAggregatorAndRateLimiterState() throws Exception {
        String sql = "CREATE STREAM S (v INT); INSERT INTO Out SELECT sum(v) AS s, count() AS n FROM S WINDOW('length', 3) "
                + "OUTPUT LAST EVERY 2 EVENTS;";
        AppRuntime first = runtime.deploy(sql, DeployOptions.playback().withName("first"));
        InputHandler in = first.inputHandler("S");
        in.send(1, new Object[] {1});
        in.send(2, new Object[] {2});
        in.send(3, new Object[] {3});
        Map<String, Serializable> snapshot = roundTrip(((AppRuntimeImpl) first).snapshotState());
        assertThat(snapshot).containsKeys("query-1/selector", "query-1/window", "query-1/output");

        AppRuntime second = runtime.deploy(sql, DeployOptions.playback().withName("second"));
        ((AppRuntimeImpl) second).restoreState(snapshot);
        Collector a = new Collector();
        Collector b = new Collector();
        first.addCallback("Out", a);
        second.addCallback("Out", b);
        for (AppRuntime app : new AppRuntime[] {first, second}) {
            app.inputHandler("S").send(4, new Object[] {10});
            app.inputHandler("S").send(5, new Object[] {20});
        }
        // window holds 1,2,3: +10 -> drop 1 (s=15, ends the held period), +20 -> drop 2 (s=33)
        assertThat(a.rows()).containsExactly("4:[15, 3]");
        assertThat(b.rows()).isEqualTo(a.rows());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Serializable> roundTrip(Map<String, Serializable> state) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new java.util.LinkedHashMap<>(state));
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Map<String, Serializable>) in.readObject();
        }
    }
}
