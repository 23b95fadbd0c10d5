package io.eventflux.launcher.internal;

import io.eventflux.api.AppInfo;
import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamCallback;
import io.eventflux.api.StreamSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A stand-in engine for command tests: every app has the input stream S(symbol, price) and the
 * output Out(symbol, doubled) = price * 2 for price > 50; shutting down emits Out("END", -1) like a
 * rate limiter flushing. SQL containing "pricee" does not compile.
 */
final class FakeEventFlux implements EventFlux {
    static final StreamSchema S = new StreamSchema("S", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("price", AttributeType.DOUBLE)));
    static final StreamSchema OUT = new StreamSchema("Out", List.of(
            new Attribute("symbol", AttributeType.STRING), new Attribute("doubled", AttributeType.DOUBLE)));

    final List<DeployOptions> deployed = new ArrayList<>();
    final List<String> log = new ArrayList<>();
    final List<String> undeployed = new ArrayList<>();

    @Override
    public AppRuntime deploy(String sql, DeployOptions options) throws CompileException {
        validate(sql);
        deployed.add(options);
        return new App();
    }

    @Override
    public List<StreamSchema> validate(String sql) throws CompileException {
        if (sql.contains("pricee")) {
            throw new CompileException(new CompileError(2, 31, "unknown attribute 'pricee' of stream 'S'", "pricee",
                    "did you mean 'price'?"));
        }
        return List.of(S, OUT);
    }

    @Override
    public boolean undeploy(String name) {
        undeployed.add(name);
        return true;
    }

    @Override
    public List<AppInfo> apps() {
        return List.of();
    }

    @Override
    public Optional<AppRuntime> app(String name) {
        return Optional.empty();
    }

    @Override
    public List<ExtensionInfo> extensions() {
        return List.of();
    }

    private final class App implements AppRuntime, InputHandler {
        private final List<StreamCallback> callbacks = new ArrayList<>();
        private long now;
        private boolean down;

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public AppInfo info() {
            return new AppInfo("fake", AppState.RUNNING, Set.of(), streams(), null);
        }

        @Override
        public InputHandler inputHandler(String stream) {
            if (!stream.equals("S")) {
                throw new IllegalArgumentException("no input stream " + stream);
            }
            return this;
        }

        @Override
        public AutoCloseable addCallback(String stream, StreamCallback callback) {
            if (!stream.equals("Out")) {
                throw new IllegalArgumentException("callback on " + stream);
            }
            callbacks.add(callback);
            return () -> callbacks.remove(callback);
        }

        @Override
        public List<StreamSchema> streams() {
            return List.of(S, OUT);
        }

        @Override
        public List<StreamSchema> outputStreams() {
            return List.of(OUT);
        }

        @Override
        public Optional<StreamSchema> stream(String name) {
            return streams().stream().filter(s -> s.name().equals(name)).findFirst();
        }

        @Override
        public void advanceTime(long time) {
            log.add("advance " + time);
            now = time;
        }

        @Override
        public long currentTime() {
            return now;
        }

        @Override
        public void shutdown() {
            if (!down) {
                down = true;
                log.add("shutdown");
                emit(List.of(new Event(now, new Object[] {"END", -1.0})));
            }
        }

        @Override
        public StreamSchema schema() {
            return S;
        }

        @Override
        public void send(Object... data) {
            send(now, data);
        }

        @Override
        public void send(long timestamp, Object[] data) {
            send(List.of(new Event(timestamp, data)));
        }

        @Override
        public void send(Event event) {
            send(List.of(event));
        }

        @Override
        public void send(List<Event> events) {
            log.add("send " + events.size());
            List<Event> out = new ArrayList<>();
            for (Event e : events) {
                Double price = (Double) e.data()[1];
                if (price != null && price > 50) {
                    out.add(new Event(e.timestamp(), new Object[] {e.data()[0], price * 2}));
                }
            }
            if (!out.isEmpty()) {
                emit(out);
            }
        }

        private void emit(List<Event> events) {
            for (StreamCallback callback : List.copyOf(callbacks)) {
                callback.receive(events);
            }
        }
    }
}
