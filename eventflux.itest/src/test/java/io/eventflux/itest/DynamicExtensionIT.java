package io.eventflux.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import io.eventflux.api.AppRuntime;
import io.eventflux.api.AppState;
import io.eventflux.api.CompileException;
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
 * aggregator's bundle makes apps that need it fail to compile, restarting it makes them work again.
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
        try {
            CompileException error = Await.until("avg to leave the registry", this::avgAppCompileError);
            assertEquals("the error names the missing aggregator: " + error.getMessage(),
                    "avg", error.errors().get(0).offendingName());
            assertEquals("line of avg(price): " + error.getMessage(), 2, error.line());
            assertTrue(error.getMessage(), error.getMessage().contains("'avg'"));
            assertFalse("avg still listed", listsAggregator("avg"));
            // the other aggregators are untouched
            assertTrue(listsAggregator("sum"));
            AppRuntime sumApp = eventFlux.deploy(SUM_APP, DeployOptions.playback().withName("itest-sum"));
            assertEquals(AppState.RUNNING, sumApp.info().state());
            eventFlux.undeploy(sumApp.name());
        } finally {
            avgBundle.start();
        }

        Await.service(context, avgService);
        Await.until("avg to come back to the registry", () -> avgAppCompileError() == null ? Boolean.TRUE : null);
        assertTrue(listsAggregator("avg"));
        AppRuntime app = eventFlux.deploy(DeployThroughServiceIT.AVG_APP,
                DeployOptions.playback().withName("itest-avg-again"));
        try {
            assertEquals(DeployThroughServiceIT.EXPECTED_AVG_OUTPUT, DeployThroughServiceIT.sendAvgEvents(app));
        } finally {
            eventFlux.undeploy(app.name());
        }
    }

    /** The compile error of deploying the avg app now, or null if it deploys. */
    private CompileException avgAppCompileError() {
        try {
            AppRuntime app = eventFlux.deploy(DeployThroughServiceIT.AVG_APP,
                    DeployOptions.playback().withName("itest-avg-probe"));
            eventFlux.undeploy(app.name());
            return null;
        } catch (CompileException e) {
            return e;
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
