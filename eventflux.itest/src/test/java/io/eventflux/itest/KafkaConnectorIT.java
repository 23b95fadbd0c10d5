package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The kafka connector bundle inside Felix: kafka-clients is embedded, not a bundle, and loads its classes
 * through the thread context class loader, which in OSGi is whatever the caller had. The factories must
 * make producers and consumers whatever that loader is. No broker is needed to create clients: the
 * address is a closed port, and the failed sends prove that the producer ran.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KafkaConnectorIT {
    private static final String NOWHERE = "127.0.0.1:1";

    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    private static ConnectorSpec spec(String topic, String... more) {
        Map<String, String> options = new java.util.HashMap<>(Map.of("kafka.bootstrap.servers", NOWHERE,
                "kafka.topic", topic, "kafka.max.block.ms", "300"));
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return new ConnectorSpec("itest", new StreamSchema("S", List.of(new Attribute("v", AttributeType.STRING))),
                options);
    }

    @Test
    public void factoriesAreRegisteredAndMakeClientsWhateverTheCallersContextLoader() throws Exception {
        SourceFactory sources = (SourceFactory) Await.service(context,
                "(&(objectClass=io.eventflux.api.io.SourceFactory)(eventflux.extension.name=kafka))");
        SinkFactory sinks = (SinkFactory) Await.service(context,
                "(&(objectClass=io.eventflux.api.io.SinkFactory)(eventflux.extension.name=kafka))");
        Bundle bundle = java.util.Arrays.stream(context.getBundles())
                .filter(b -> b.getSymbolicName().equals("eventflux.connector.kafka")).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, bundle.getState());

        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        ClassLoader blind = new ClassLoader(null) { }; // sees the JDK only, as an engine thread may
        thread.setContextClassLoader(blind);
        try {
            Sink sink = sinks.create(spec("itest-out"));
            sink.start(); // a KafkaProducer, built inside OSGi
            sink.publish("x", new Event(0, new Object[] {"a"}));
            try {
                sink.flush();
                fail("no broker: the send must fail the flush");
            } catch (IOException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("kafka topic 'itest-out'"));
            }
            sink.stop();

            AtomicReference<Throwable> lost = new AtomicReference<>();
            Source source = sources.create(spec("itest-in", "kafka.group.id", "itest"));
            source.start(new SourceListener() { // a KafkaConsumer and its poll thread
                @Override
                public void onPayload(Object payload, Map<String, String> headers) {
                }

                @Override
                public boolean offer(Object payload, Map<String, String> headers) {
                    return true;
                }

                @Override
                public CompletionStage<Void> processed() {
                    return CompletableFuture.completedFuture(null);
                }

                @Override
                public void onConnectionLost(Throwable cause) {
                    lost.set(cause);
                }
            });
            source.stop();
            assertNull("the poll loop failed", lost.get());
            assertSame("the caller's context loader is put back", blind, thread.getContextClassLoader());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Test
    public void anAppWithKafkaStreamsDeploysThroughTheEngine() throws Exception {
        Await.service(context, "(&(objectClass=io.eventflux.api.io.SourceFactory)(eventflux.extension.name=kafka))");
        Await.service(context, "(&(objectClass=io.eventflux.api.io.MapperFactory)(eventflux.extension.name=json))");
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM Orders (id INT, price DOUBLE)
                  WITH (type = 'source', extension = 'kafka', format = 'json',
                        kafka.bootstrap.servers = '%1$s', kafka.topic = 'itest-orders');
                CREATE STREAM Priced (id INT, total DOUBLE)
                  WITH (type = 'sink', extension = 'kafka', format = 'json',
                        kafka.bootstrap.servers = '%1$s', kafka.topic = 'itest-priced', kafka.key = 'id');
                INSERT INTO Priced SELECT id, price * 2 AS total FROM Orders;
                """.formatted(NOWHERE), DeployOptions.defaults().withName("itest-kafka"));
        try {
            assertEquals("itest-kafka", app.name());
        } finally {
            assertTrue(eventFlux.undeploy("itest-kafka"));
        }
    }
}
