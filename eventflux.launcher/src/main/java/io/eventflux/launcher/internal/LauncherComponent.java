package io.eventflux.launcher.internal;

import io.eventflux.api.CompileException;
import io.eventflux.api.EventFlux;
import io.eventflux.engine.ExtensionRegistry;
import io.eventflux.sql.SqlCompiler;
import io.eventflux.sql.plan.AppPlan;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@code eventflux} command inside the OSGi framework. The bnd launcher registers itself as a
 * service with the command-line arguments ({@code launcher.arguments}) once every bundle is started,
 * and runs the first {@code Callable<Integer>} registered with {@code main.thread=true} on the main
 * thread, exiting with its result. This component is that callable.
 *
 * <p>The {@code EventFlux} service is an optional dynamic reference, so the command can wait for it
 * with a bound ({@code eventflux.service.timeout} seconds, default 10) and say what is missing
 * instead of hanging. So is the engine's {@link ExtensionRegistry}: {@code config list|validate} compile
 * the app against it to read the streams' WITH options from the plan. Deactivation (the framework
 * stopping) asks a running app to stop.
 */
@Component(service = Callable.class, property = "main.thread=true", immediate = true)
public final class LauncherComponent implements Callable<Integer> {
    static final String TIMEOUT_PROPERTY = "eventflux.service.timeout";
    private static final long DEFAULT_TIMEOUT_SECONDS = 10;

    private final ServiceSlot<EventFlux> eventFlux = new ServiceSlot<>();
    private final ServiceSlot<ExtensionRegistry> registry = new ServiceSlot<>();
    private final StopSignal stop = new StopSignal();
    private final BundleContext context;
    private final String[] args;
    private final OnDemandBundles onDemand;

    @Activate
    public LauncherComponent(BundleContext context,
            @Reference(name = "launcher", service = Object.class, target = "(launcher.arguments=*)") Map<String, Object> launcher) {
        this.context = context;
        this.args = launcher.get("launcher.arguments") instanceof String[] a ? a.clone() : new String[0];
        // before any command compiles an app: the extensions of the bundles not installed at boot
        Cli.TRACE.mark("launcher component activated");
        this.onDemand = OnDemandBundles.open(context, System.err);
        Cli.TRACE.mark("stand-ins registered");
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindEventFlux(EventFlux service) {
        eventFlux.set(service);
    }

    void unbindEventFlux(EventFlux service) {
        eventFlux.clear(service);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindRegistry(ExtensionRegistry service) {
        registry.set(service);
    }

    void unbindRegistry(ExtensionRegistry service) {
        registry.clear(service);
    }

    @Deactivate
    void deactivate() {
        stop.request();
        if (onDemand != null) {
            onDemand.close();
        }
    }

    @Override
    public Integer call() {
        Cli cli = new Cli(this::awaitEventFlux, this::plan, Console.system(), stop, new HotDeploy(context),
                Workspace.system(), new OsgiServerMode(context, timeoutSeconds()), new OsgiBundles(context, timeoutSeconds()));
        try {
            return cli.execute(args);
        } catch (Error e) {
            // the launcher would exit with 127; the contract says 1 for anything but the known failures
            System.err.println("eventflux: fatal error: " + e);
            e.printStackTrace();
            return ExitCodes.ERROR;
        }
    }

    private EventFlux awaitEventFlux() throws CommandFailure {
        long timeout = timeoutSeconds();
        try {
            EventFlux service = eventFlux.await(timeout, TimeUnit.SECONDS);
            if (service != null) {
                return service;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CommandFailure(ExitCodes.ERROR,
                new MissingServiceReport(context).explain(EventFlux.class.getName(), timeout));
    }

    private AppPlan plan(String sql) throws CompileException, CommandFailure {
        // the engine registers the registry before its EventFlux service, which explains best what is missing
        awaitEventFlux();
        long timeout = timeoutSeconds();
        try {
            ExtensionRegistry catalog = registry.await(timeout, TimeUnit.SECONDS);
            if (catalog != null) {
                return new SqlCompiler(catalog).compile(sql);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new CommandFailure(ExitCodes.ERROR,
                new MissingServiceReport(context).explain(ExtensionRegistry.class.getName(), timeout));
    }

    private long timeoutSeconds() {
        String value = context.getProperty(TIMEOUT_PROPERTY);
        try {
            return value == null ? DEFAULT_TIMEOUT_SECONDS : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS;
        }
    }
}
