package io.eventflux.itest;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.EventFlux;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SourceMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Jayway JSONPath inside Felix: its optional Jackson imports are wired (they need Jackson 2.19+), and the json
 * mapper's paths and jsonGet evaluate, including the filter forms Jayway hands to json-smart.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class JsonPathIT {
    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void jsonPathImportsJacksonAndJsonSmart() {
        Bundle jsonPath = bundle("json-path");
        Set<String> wired = new TreeSet<>();
        for (BundleWire wire : jsonPath.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.package")) {
            wired.add((String) wire.getCapability().getAttributes().get("osgi.wiring.package"));
        }
        for (String pkg : List.of("com.fasterxml.jackson.databind", "com.fasterxml.jackson.core",
                "net.minidev.json.parser", "org.slf4j")) {
            assertTrue(pkg + " not wired to json-path: " + wired, wired.contains(pkg));
        }
    }

    @Test
    public void jsonMapperEvaluatesPathsFiltersAndAnEnclosingElement() throws Exception {
        MapperFactory json = (MapperFactory) Await.service(context, "(&(objectClass=" + MapperFactory.class.getName()
                + ")(" + Extension.PREFIX_ + "name=json))");
        StreamSchema schema = new StreamSchema("Quotes", List.of(new Attribute("symbol", AttributeType.STRING),
                new Attribute("bid", AttributeType.DOUBLE), new Attribute("venues", AttributeType.OBJECT)));
        SourceMapper mapper = json.sourceMapper(new ConnectorSpec("itest", schema, Map.of(
                "json.enclosing-element", "$.batch[?(@.live)]",
                "json.mapping.symbol", "$..symbol",
                "json.mapping.bid", "$.quotes[?(@.venue in ['X', 'Y'])].bid",
                "json.mapping.venues", "$.quotes[*].venue")));
        List<Object[]> events = mapper.map("""
                {"batch": [
                  {"live": true, "instrument": {"symbol": "IBM"}, "quotes": [{"venue": "X", "bid": 1.5}, {"venue": "Z", "bid": 9}]},
                  {"instrument": {"symbol": "OLD"}, "quotes": []},
                  {"live": true, "instrument": {"symbol": "MSFT"}, "quotes": [{"venue": "Y", "bid": 2}]}
                ]}""");
        assertEquals(2, events.size());
        assertArrayEquals(new Object[] {"IBM", 1.5, List.of("X", "Z")}, events.get(0));
        assertArrayEquals(new Object[] {"MSFT", 2.0, List.of("Y")}, events.get(1));
    }

    @Test
    public void jsonGetEvaluatesAFilterInAnApp() throws Exception {
        AppRuntime app = eventFlux.deploy("""
                CREATE STREAM S (doc STRING);
                INSERT INTO Out SELECT jsonGet(doc, '$.items[?(@.qty > 1)].name') AS names, jsonGet(doc, '$.id') AS id FROM S;
                """, DeployOptions.playback().withName("itest-jsonget"));
        try {
            List<Event> out = new ArrayList<>();
            try (AutoCloseable callback = app.addCallback("Out", out::addAll)) {
                app.inputHandler("S").send(1000, new Object[] {
                    "{\"id\": 7, \"items\": [{\"name\": \"a\", \"qty\": 1}, {\"name\": \"b\", \"qty\": 2}]}"});
            }
            assertEquals(List.of(new Event(1000, new Object[] {"[\"b\"]", "7"})), out);
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        assertNotNull(symbolicName + " is not installed", null);
        return null;
    }
}
