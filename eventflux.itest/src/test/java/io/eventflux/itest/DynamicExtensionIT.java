package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.aggregator.AggregatorFactory;
import io.eventflux.api.extension.Extension;
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
 * The extension registry follows bundles coming and going (dynamic references): stopping the avg
 * aggregator's bundle makes apps that need it wait for it, restarting it starts them.
 * A fresh framework per method, since the test stops a bundle.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class DynamicExtensionIT {
    private static final String SUM_APP = """
            CREATE STREAM S (symbol STRING, price DOUBLE);
            INSERT INTO Out SELECT symbol, sum(price) AS total FROM S WINDOW('length', 2);
            """;

    @Inject
    private BundleContext context;

    @Inject
    private EventFlux eventFlux;

    @Configuration
    public Option[] config() {
        return EventFluxOptions.felixWithEventFlux();
    }

    @Test
    public void stoppingTheAggregatorBundleRemovesTheAggregatorAndRestartingItBringsItBack() throws Exception {
        Bundle avgBundle = bundle("eventflux.aggregator.avg");
        String avgService = "(&(objectClass=" + AggregatorFactory.class.getName() + ")("
                + Extension.PREFIX_ + "name=avg))";
        Await.service(context, avgService);

        avgBundle.stop();
        AppRuntime waiting;
        try {
            assertFalse("avg still listed", listsAggregator("avg"));
            // the other aggregators are untouched
            assertTrue(listsAggregator("sum"));
            AppRuntime sumApp = eventFlux.deploy(SUM_APP, DeployOptions.playback().withName("itest-sum"));
            assertEquals(AppState.RUNNING, sumApp.info().state());
            eventFlux.undeploy(sumApp.name());
            // an app needing avg now waits for it, naming it (avg(...) could be a function or an aggregator)
            waiting = eventFlux.deploy(DeployThroughServiceIT.AVG_APP, DeployOptions.playback().withName("itest-avg-waiting"));
            assertEquals(AppState.WAITING, waiting.info().state());
            assertEquals(java.util.Set.of("function:avg"), waiting.info().waitingFor());
            assertTrue(waiting.info().error(), waiting.info().error().contains("'avg'"));
        } finally {
            avgBundle.start();
        }

        Await.service(context, avgService);
        assertTrue(listsAggregator("avg"));
        // the waiting app started by itself when the bundle came back
        Await.until("the waiting app to start", () -> waiting.info().state() == AppState.RUNNING ? Boolean.TRUE : null);
        try {
            assertEquals(DeployThroughServiceIT.EXPECTED_AVG_OUTPUT, DeployThroughServiceIT.sendAvgEvents(waiting));
        } finally {
            eventFlux.undeploy(waiting.name());
        }
    }

    private boolean listsAggregator(String name) {
        for (ExtensionInfo info : eventFlux.extensions()) {
            if (info.type().equals(Extension.AGGREGATOR) && info.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private Bundle bundle(String symbolicName) {
        for (Bundle b : context.getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        fail("no bundle " + symbolicName);
        return null;
    }
}
