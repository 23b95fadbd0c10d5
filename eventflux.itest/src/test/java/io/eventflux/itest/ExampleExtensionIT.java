package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.options;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.InputHandler;
import io.eventflux.api.function.FunctionFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The third-party extension example of docs/extensions.md (examples/extension-hello: built against
 * eventflux.api alone, by the reactor) installed in Felix next to the EventFlux bundles: its function, window,
 * aggregator and sink are listed with their bundle as provider, its example app (greeter.sql) runs with them (the sink
 * writes its file), and stopping the bundle suspends the app (WAITING, naming what the compile misses)
 * until the bundle is started again.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ExampleExtensionIT {
    static final String BSN = "com.example.hello";

    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        File example = new File(System.getProperty("eventflux.example.dir", "../examples/extension-hello"));
        File jar = new File(example, "target/extension-hello-1.0.0.jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("missing " + jar + ": build the module examples/extension-hello first");
        }
        return options(composite(EventFluxOptions.felixWithEventFlux()),
                // the app, read inside the framework (same JVM)
                org.ops4j.pax.exam.CoreOptions.systemProperty("eventflux.example.greeter")
                        .value(new File(example, "greeter.sql").getAbsolutePath()),
                bundle(jar.toURI().toString()));
    }

    @Test
    public void theExampleBundleServesItsAppAndItsAppWaitsWhileTheBundleIsStopped() throws Exception {
        Await.service(context, "(&(objectClass=" + FunctionFactory.class.getName() + ")(eventflux.extension.name=hello))");
        Set<String> provided = new TreeSet<>();
        for (ExtensionInfo info : eventFlux.extensions()) {
            if (BSN.equals(info.provider())) {
                provided.add(info.type() + ":" + info.name());
            }
        }
        assertEquals(Set.of("function:hello", "window:helloLast", "aggregator:helloNames", "sink:helloFile"), provided);

        Path file = Files.createTempFile("greetings", ".txt");
        Files.delete(file);
        String sql = Files.readString(Path.of(System.getProperty("eventflux.example.greeter")), StandardCharsets.UTF_8)
                .replace("'greetings.txt'", "'" + file.toString().replace("'", "''") + "'");
        AppRuntime app = eventFlux.deploy(sql, DeployOptions.playback());
        try {
            assertEquals(app.info().toString(), AppState.RUNNING, app.info().state());
            List<Event> out = new CopyOnWriteArrayList<>();
            try (AutoCloseable callback = app.addCallback("Greetings", out::addAll)) {
                InputHandler people = app.inputHandler("People");
                people.send(1000L, new Object[] {"Ann"});
                people.send(2000L, new Object[] {"Bob"});
                people.send(3000L, new Object[] {"Cid"});
            }
            List<String> greetings = new ArrayList<>();
            out.forEach(e -> greetings.add(e.get(0) + " " + e.get(1)));
            assertEquals(List.of("Hello, Ann! Ann", "Hello, Bob! Ann, Bob", "Hello, Cid! Bob, Cid"), greetings);
            List<String> lines = Await.until("three lines in " + file, () -> {
                try {
                    List<String> l = Files.exists(file) ? Files.readAllLines(file) : List.of();
                    return l.size() >= 3 ? l : null;
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            assertEquals(List.of("{\"greeting\":\"Hello, Ann!\",\"recent\":\"Ann\"}",
                    "{\"greeting\":\"Hello, Bob!\",\"recent\":\"Ann, Bob\"}",
                    "{\"greeting\":\"Hello, Cid!\",\"recent\":\"Bob, Cid\"}"), lines);

            Bundle hello = helloBundle();
            hello.stop();
            try {
                Await.until("Greeter waiting", () -> app.info().state() == AppState.WAITING ? Boolean.TRUE : null);
                // what the compile misses (the sink's extension is looked up once the app compiles)
                assertEquals(app.info().toString(), Set.of("function:hello", "function:helloNames", "window:helloLast"),
                        app.info().waitingFor());
            } finally {
                hello.start();
            }
            Await.until("Greeter running again", () -> app.info().state() == AppState.RUNNING ? Boolean.TRUE : null);
        } finally {
            eventFlux.undeploy(app.name());
            Files.deleteIfExists(file);
        }
    }

    private Bundle helloBundle() {
        for (Bundle b : context.getBundles()) {
            if (BSN.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + BSN);
    }
}
