package io.eventflux.itest;

import static org.junit.Assert.assertEquals;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.InputHandler;
import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * An app deployed through the {@link EventFlux} OSGi service runs end to end: the engine finds the
 * length window, the avg aggregator and the string function library in the service registry.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DeployThroughServiceIT {
    static final String AVG_APP = """
            CREATE STREAM S (symbol STRING, price DOUBLE);
            INSERT INTO Out SELECT symbol, avg(price) AS avgPrice, upper(symbol) AS u FROM S WINDOW('length', 2);
            """;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void slidingAverageWithAFunctionProducesTheExactOutput() throws Exception {
        AppRuntime app = eventFlux.deploy(AVG_APP, DeployOptions.playback().withName("itest-avg"));
        try {
            assertEquals(AppState.RUNNING, app.info().state());
            assertEquals(new StreamSchema("Out", List.of(new Attribute("symbol", AttributeType.STRING),
                    new Attribute("avgPrice", AttributeType.DOUBLE), new Attribute("u", AttributeType.STRING))),
                    app.stream("Out").orElseThrow());

            List<Event> out = sendAvgEvents(app);

            assertEquals(List.of(
                    new Event(1000, new Object[] {"ibm", 10.0, "IBM"}),
                    new Event(2000, new Object[] {"ibm", 15.0, "IBM"}),
                    new Event(3000, new Object[] {"msft", 40.0, "MSFT"})), out);
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    @Test
    public void undeployRemovesTheApp() throws Exception {
        AppRuntime app = eventFlux.deploy(AVG_APP, DeployOptions.playback().withName("itest-undeploy"));
        assertEquals(true, eventFlux.app("itest-undeploy").isPresent());

        assertEquals(true, eventFlux.undeploy(app.name()));

        assertEquals(false, eventFlux.app("itest-undeploy").isPresent());
        assertEquals(false, eventFlux.undeploy(app.name()));
    }

    /**
     * Sends three events (inline mode: the queries run on this thread, so the output is complete when
     * {@code send} returns) and returns what the callback collected on Out.
     */
    static List<Event> sendAvgEvents(AppRuntime app) throws Exception {
        List<Event> out = new CopyOnWriteArrayList<>();
        try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
            InputHandler in = app.inputHandler("S");
            in.send(1000L, new Object[] {"ibm", 10.0});
            in.send(2000L, new Object[] {"ibm", 20.0});
            in.send(3000L, new Object[] {"msft", 60.0});
        }
        return out;
    }
}
