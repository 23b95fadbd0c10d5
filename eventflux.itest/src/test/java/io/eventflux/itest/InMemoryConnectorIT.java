package io.eventflux.itest;

import static org.junit.Assert.assertEquals;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * Connector streams inside OSGi: the inMemory source and sink are separate DS components sharing the
 * InMemoryBroker service, so what one app's sink publishes another app's source receives; the timer
 * source feeds the first app.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InMemoryConnectorIT {
    @Inject
    private EventFlux eventFlux;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void timerTicksFlowThroughAnInMemoryTopicIntoAnotherApp() throws Exception {
        for (String filter : List.of("(&(objectClass=io.eventflux.api.io.SourceFactory)(eventflux.extension.name=timer))",
                "(&(objectClass=io.eventflux.api.io.SourceFactory)(eventflux.extension.name=inMemory))",
                "(&(objectClass=io.eventflux.api.io.SinkFactory)(eventflux.extension.name=inMemory))",
                "(&(objectClass=io.eventflux.api.io.MapperFactory)(eventflux.extension.name=json))")) {
            Await.service(context, filter);
        }
        AppRuntime reader = eventFlux.deploy("""
                CREATE STREAM Ticks (t LONG, tag STRING)
                  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'itest-ticks', format = 'json');
                INSERT INTO Seen SELECT t, tag FROM Ticks;
                """, DeployOptions.defaults().withName("itest-reader"));
        AppRuntime writer = null;
        try {
            List<Event> seen = new CopyOnWriteArrayList<>();
            reader.addCallback("Seen", seen::addAll);
            writer = eventFlux.deploy("""
                    CREATE STREAM Clock (t LONG) WITH (type = 'source', extension = 'timer', timer.interval = '20 ms');
                    CREATE STREAM Out (t LONG, tag STRING)
                      WITH (type = 'sink', extension = 'inMemory', inMemory.topic = 'itest-ticks', format = 'json');
                    INSERT INTO Out SELECT t, 'tick' AS tag FROM Clock;
                    """, DeployOptions.defaults().withName("itest-writer"));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (seen.size() < 3 && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000L);
            }
            assertEquals("ticks seen within 10 s", true, seen.size() >= 3);
            assertEquals("tick", seen.get(0).get(1));
            assertEquals(true, (Long) seen.get(1).get(0) >= (Long) seen.get(0).get(0));
        } finally {
            eventFlux.undeploy(reader.name());
            if (writer != null) {
                eventFlux.undeploy(writer.name());
            }
        }
    }
}
