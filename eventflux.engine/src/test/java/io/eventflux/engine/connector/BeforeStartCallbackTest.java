package io.eventflux.engine.connector;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.io.SourceListener;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.ExtensionRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A deployer's callbacks attached in {@code deploy(sql, options, beforeStart)} see every event of a source that
 * delivers as soon as it starts (here inside {@code start} itself): with a callback added after {@code deploy}
 * returned they could be gone.
 */
class BeforeStartCallbackTest {
    private final ConnectorFixture f = new ConnectorFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void callbacksAddedBeforeStartSeeTheFirstEvents() throws Exception {
        f.runtime.registry().add(new EagerSources(), Map.of(ExtensionRegistry.TYPE, Extension.SOURCE, ExtensionRegistry.NAME, "eager"));
        List<Object> seen = new CopyOnWriteArrayList<>();
        List<String> outputsSeenByTheHook = new CopyOnWriteArrayList<>();
        AppRuntime app = f.runtime.deploy("""
                CREATE STREAM In (n LONG) WITH (type = 'source', extension = 'eager');
                INSERT INTO Out SELECT n FROM In;
                """, DeployOptions.defaults().withName("eager").withSynchronous(true), built -> {
            built.outputStreams().stream().map(StreamSchema::name).forEach(outputsSeenByTheHook::add);
            built.addCallback("Out", events -> events.stream().map(Event::data).forEach(d -> seen.add(d[0])));
        });
        assertThat(outputsSeenByTheHook).containsExactly("Out");
        assertThat(Polling.await(() -> seen.size() >= 3, 10)).isTrue();
        assertThat(seen).containsExactly(1L, 2L, 3L);
        app.shutdown();
    }

    /** Delivers three payloads inside start(). */
    private static final class EagerSources implements SourceFactory {
        @Override
        public Source create(ConnectorSpec spec) {
            return new Source() {
                @Override
                public void start(SourceListener listener) {
                    for (long n = 1; n <= 3; n++) {
                        listener.onPayload(new Object[] {n}, Map.of());
                    }
                }

                @Override
                public void stop() {
                }
            };
        }
    }
}
