package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import java.io.File;
import java.util.Set;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The mqtt connector bundle inside Felix (Paho 3.1.1 and 5 embedded; Paho finds its network modules with
 * ServiceLoader on the bundle's class path) against the machine's Mosquitto. The app is deployed before the
 * bundle is installed: it waits for {@code source:mqtt} and {@code sink:mqtt} and starts by itself when the
 * bundle arrives, then its events go to a topic through the sink and come back through the source. Skipped
 * with a message when nothing listens on port 1883, failed instead when CI=true.
 */
@RunWith(PaxExamIfListening.class)
@PaxExamIfListening.Server(name = "Mosquitto", port = 1883)
@ExamReactorStrategy(PerMethod.class)
public class MqttConnectorIT {
    @Inject
    private EventFlux eventFlux;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    private static String app(String version, String topic) {
        return """
                CREATE STREAM In (id INT, v STRING);
                CREATE STREAM ToBroker (id INT, v STRING)
                  WITH (type = 'sink', extension = 'mqtt', format = 'json', mqtt.url = 'tcp://127.0.0.1:1883',
                        mqtt.version = '%1$s', mqtt.topic = '%2$s', mqtt.qos = '1');
                CREATE STREAM FromBroker (id INT, v STRING)
                  WITH (type = 'source', extension = 'mqtt', format = 'json', mqtt.url = 'tcp://127.0.0.1:1883',
                        mqtt.version = '%1$s', mqtt.topic = '%2$s', mqtt.qos = '1', mqtt.clean.session = 'true');
                INSERT INTO ToBroker SELECT * FROM In;
                """.formatted(version, topic);
    }

    @Test
    public void anAppDeployedBeforeTheBundleIsInstalledStartsWithItAndRoundTripsThroughTheBroker() throws Exception {
        Bundle installed = bundle();
        String location = installed.getLocation();
        installed.uninstall();

        AppRuntime app = eventFlux.deploy(app("3.1.1", "ef/itest/" + System.nanoTime()),
                DeployOptions.defaults().withName("itest-mqtt"));
        try {
            assertEquals(AppState.WAITING, app.info().state());
            assertEquals(Set.of("source:mqtt", "sink:mqtt"), app.info().waitingFor());

            context.installBundle(location).start();
            Await.until("the waiting app to start", () -> app.info().state() == AppState.RUNNING ? Boolean.TRUE : null);
            BrokerRoundTrip.check(app, 20);
        } finally {
            assertTrue(eventFlux.undeploy("itest-mqtt"));
        }
    }

    @Test
    public void mqtt5RoundTrip() throws Exception {
        Await.service(context, "(&(objectClass=io.eventflux.api.io.SinkFactory)(eventflux.extension.name=mqtt))");
        Await.service(context, "(&(objectClass=io.eventflux.api.io.MapperFactory)(eventflux.extension.name=json))");
        AppRuntime app = eventFlux.deploy(app("5", "ef/itest5/" + System.nanoTime()),
                DeployOptions.defaults().withName("itest-mqtt5"));
        try {
            assertEquals(AppState.RUNNING, app.info().state());
            BrokerRoundTrip.check(app, 20);
        } finally {
            assertTrue(eventFlux.undeploy("itest-mqtt5"));
        }
    }

    private Bundle bundle() {
        for (Bundle b : context.getBundles()) {
            if ("eventflux.connector.mqtt".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("eventflux.connector.mqtt is not installed (" + new File(".").getAbsolutePath() + ")");
    }
}
