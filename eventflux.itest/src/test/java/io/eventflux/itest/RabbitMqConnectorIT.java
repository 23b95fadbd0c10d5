package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;

/**
 * The rabbitmq connector bundle inside Felix (amqp-client embedded, netty left out) against the machine's
 * RabbitMQ: an app's events go to a queue through the sink and come back through the source. Skipped with a
 * message when nothing listens on port 5672, failed instead when CI=true.
 */
@RunWith(PaxExamIfListening.class)
@PaxExamIfListening.Server(name = "RabbitMQ", port = 5672)
@ExamReactorStrategy(PerClass.class)
public class RabbitMqConnectorIT {
    @Inject
    private EventFlux eventFlux;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void eventsGoThroughAQueueAndBack() throws Exception {
        Await.service(context, "(&(objectClass=io.eventflux.api.io.SourceFactory)(eventflux.extension.name=rabbitmq))");
        Await.service(context, "(&(objectClass=io.eventflux.api.io.MapperFactory)(eventflux.extension.name=json))");
        String queue = "ef-itest-" + System.nanoTime();
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM In (id INT, v STRING);
                CREATE STREAM ToBroker (id INT, v STRING)
                  WITH (type = 'sink', extension = 'rabbitmq', format = 'json', rabbitmq.host = '127.0.0.1',
                        rabbitmq.exchange = '', rabbitmq.routing.key = '%1$s');
                CREATE STREAM FromBroker (id INT, v STRING)
                  WITH (type = 'source', extension = 'rabbitmq', format = 'json', rabbitmq.host = '127.0.0.1',
                        rabbitmq.queue = '%1$s', rabbitmq.queue.durable = 'false');
                INSERT INTO ToBroker SELECT * FROM In;
                """.formatted(queue), DeployOptions.defaults().withName("itest-rabbitmq"));
        try {
            assertEquals(AppState.RUNNING, app.info().state());
            BrokerRoundTrip.check(app, 20);
        } finally {
            assertTrue(eventFlux.undeploy("itest-rabbitmq"));
        }
    }
}
