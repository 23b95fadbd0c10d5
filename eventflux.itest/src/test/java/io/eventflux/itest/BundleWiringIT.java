package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.window.WindowFactory;
import java.util.ArrayList;
import java.util.List;
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
import org.osgi.framework.BundleException;

/** The built bundles wire up in Felix: all active, every extension registered under its name. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundleWiringIT {
    private static final List<String> EVENTFLUX_BUNDLES = List.of(
            "eventflux.api", "eventflux.extension.support", "eventflux.sql", "eventflux.engine",
            "eventflux.window.length", "eventflux.window.lengthbatch", "eventflux.window.time",
            "eventflux.window.timebatch", "eventflux.window.expression", "eventflux.window.expressionbatch",
            "eventflux.aggregator.count", "eventflux.aggregator.sum", "eventflux.aggregator.avg",
            "eventflux.aggregator.min", "eventflux.aggregator.max",
            "eventflux.function.core", "eventflux.function.math", "eventflux.function.string",
            "eventflux.function.time", "eventflux.function.json",
            "eventflux.store.inmemory", "eventflux.store.cache", "eventflux.store.jdbc",
            "eventflux.mapper.json", "eventflux.mapper.csv", "eventflux.mapper.text", "eventflux.mapper.bytes",
            "eventflux.connector.basic", "eventflux.connector.file", "json-path", "net.minidev.json-smart",
            "eventflux.shell", "eventflux.connector.kafka", "eventflux.connector.http", "eventflux.management",
            "eventflux.persistence.file", "eventflux.persistence.jdbc", "eventflux.persistence.redis",
            "eventflux.connector.rabbitmq",
            "eventflux.connector.mqtt",
            "eventflux.connector.tcp", "eventflux.connector.websocket");

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void everyEventFluxBundleIsInstalled() {
        Set<String> installed = new TreeSet<>();
        for (Bundle b : context.getBundles()) {
            installed.add(b.getSymbolicName());
        }
        List<String> missing = new ArrayList<>(EVENTFLUX_BUNDLES);
        missing.removeAll(installed);
        assertEquals("EventFlux bundles not installed (installed: " + installed + ")", List.of(), missing);
    }

    @Test
    public void everyBundleIsActiveAndEveryFragmentResolved() {
        List<String> wrong = new ArrayList<>();
        for (Bundle b : context.getBundles()) {
            boolean fragment = b.getHeaders().get("Fragment-Host") != null;
            int expected = fragment ? Bundle.RESOLVED : Bundle.ACTIVE;
            if (b.getState() != expected) {
                wrong.add(b.getSymbolicName() + " " + b.getVersion() + " is " + state(b.getState())
                        + ", expected " + state(expected) + why(b));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    public void windowServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        for (String name : List.of("length", "lengthBatch", "time", "timeBatch")) {
            assertExtensionService(WindowFactory.class, "name", name);
        }
        // the alias is a (multi-valued) service property of the timeBatch component
        assertExtensionService(WindowFactory.class, "aliases", "tumbling");
    }

    @Test
    public void aggregatorServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        for (String name : List.of("count", "sum", "avg", "min", "max")) {
            assertExtensionService(AggregatorFactory.class, "name", name);
        }
    }

    @Test
    public void functionLibrariesAreRegisteredUnderTheirNames() throws InterruptedException {
        for (String name : List.of("core", "math", "string")) {
            assertExtensionService(FunctionFactory.class, "name", name);
        }
    }

    @Test
    public void eventFluxServiceListsTheExtensionsFromTheRegistry() throws InterruptedException {
        EventFlux eventFlux = (EventFlux) Await.service(context, "(objectClass=" + EventFlux.class.getName() + ")");
        Set<String> listed = new TreeSet<>();
        for (ExtensionInfo info : eventFlux.extensions()) {
            listed.add(info.type() + ":" + info.name());
        }
        for (String expected : List.of("window:length", "window:lengthBatch", "window:time", "window:timeBatch",
                "window:expression", "window:expressionBatch",
                "aggregator:count", "aggregator:sum", "aggregator:avg", "aggregator:min", "aggregator:max",
                "function:core", "function:math", "function:string", "function:time", "function:json",
                "table-store:inMemory", "table-store:cache",
                "table-store:jdbc", "source:file", "sink:file", "persistence-store:file",
                "persistence-store:jdbc", "persistence-store:redis",
                "source:http", "sink:http",
                "source:rabbitmq", "sink:rabbitmq",
                "source:mqtt", "sink:mqtt",
                "source:tcp", "sink:tcp", "source:websocket", "sink:websocket")) {
            assertTrue(expected + " missing from " + listed, listed.contains(expected));
        }
    }

    @Test
    public void mapperServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        for (String name : List.of("json", "csv", "text", "bytes")) {
            assertExtensionService(io.eventflux.api.io.MapperFactory.class, "name", name);
        }
    }

    @Test
    public void fileConnectorServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        assertExtensionService(io.eventflux.api.io.SourceFactory.class, "name", "file");
        assertExtensionService(io.eventflux.api.io.SinkFactory.class, "name", "file");
    }

    @Test
    public void basicConnectorServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        assertExtensionService(io.eventflux.api.io.SourceFactory.class, "name", "timer");
        assertExtensionService(io.eventflux.api.io.SourceFactory.class, "name", "inMemory");
        assertExtensionService(io.eventflux.api.io.SinkFactory.class, "name", "log");
        assertExtensionService(io.eventflux.api.io.SinkFactory.class, "name", "inMemory");
    }

    @Test
    public void persistenceStoreServicesAreRegisteredUnderTheirNames() throws InterruptedException {
        for (String name : List.of("file", "jdbc", "redis")) {
            assertExtensionService(io.eventflux.api.store.PersistenceStoreFactory.class, "name", name);
        }
    }

    private void assertExtensionService(Class<?> type, String property, String value) throws InterruptedException {
        String filter = "(&(objectClass=" + type.getName() + ")(" + Extension.PREFIX_ + property + "=" + value + "))";
        assertNotNull(filter, Await.service(context, filter));
    }

    /** Why a bundle did not start: starting it again reports the unresolved requirement. */
    private static String why(Bundle b) {
        if (b.getState() != Bundle.INSTALLED) {
            return "";
        }
        try {
            b.start();
            return "";
        } catch (BundleException e) {
            return " (" + e.getMessage() + ")";
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + state;
        };
    }

    /** The jdbc store takes drivers as java.sql.Driver services (a whiteboard), not through DynamicImport-Package. */
    @Test
    public void theJdbcStoreHasNoDynamicImport() {
        for (Bundle b : context.getBundles()) {
            if ("eventflux.store.jdbc".equals(b.getSymbolicName())) {
                assertEquals(null, b.getHeaders().get("DynamicImport-Package"));
                return;
            }
        }
        throw new AssertionError("eventflux.store.jdbc is not installed");
    }
}
