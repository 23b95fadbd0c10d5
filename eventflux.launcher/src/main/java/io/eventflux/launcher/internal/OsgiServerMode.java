package io.eventflux.launcher.internal;

import io.eventflux.api.config.AppConfig;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Server mode inside the framework. The management bundle (and FileInstall) sit above the beginning
 * start level (cnf/runtime.bnd), so {@code run}, {@code replay} and {@code validate} neither resolve
 * Jetty nor bind a port. {@code server} registers the server-mode service (the settings as its
 * properties), points FileInstall at {@code HOME/deploy}, and raises the framework's start level to
 * the highest bundle start level, then waits for the management component to come up. It also runs the
 * console of {@code eventflux shell} ({@link ShellCommand.Gogo}), and the shell's management API with
 * {@code --port}.
 */
final class OsgiServerMode implements ServerCommand.ServerMode, ShellCommand.Gogo {
    static final String MANAGEMENT_BUNDLE = "eventflux.management";
    private static final String INSTALLER = "org.apache.felix.fileinstall.ArtifactInstaller";
    private static final long STOP_TIMEOUT_MILLIS = 30_000;

    private final BundleContext context;
    private final Bundle system;
    private final long timeoutSeconds;
    private volatile Path home;

    OsgiServerMode(BundleContext context, long timeoutSeconds) {
        this.context = context;
        this.system = context.getBundle(0);
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public String start(Path home, Map<String, String> settings, AppConfig options) throws CommandFailure, InterruptedException {
        this.home = home;
        Hashtable<String, Object> props = new Hashtable<>(settings);
        // the API record itself: the management bundle imports io.eventflux.api.config as this bundle does
        props.put("eventflux.server.options", options);
        props.put("eventflux.server", "true");
        props.put("eventflux.server.home", home.toString());
        String token = System.getenv("EVENTFLUX_HTTP_TOKEN");
        if (token != null && !token.isBlank() && !settings.containsKey("eventflux.http.token")
                && context.getProperty("eventflux.http.token") == null) {
            props.put("eventflux.http.token", token.trim());
        }
        HotDeploy.useFolder(context, home.resolve("deploy"));
        context.registerService(Object.class, new Object(), props);
        raiseStartLevel();
        awaitManagement();
        String actualPort = ServerCommand.readPort(home);
        String host = settings.get("eventflux.http.host");
        String actualHost = host != null ? host : orDefault(context.getProperty("eventflux.http.host"), "127.0.0.1");
        return "http://" + actualHost + ":" + (actualPort == null ? "?" : actualPort);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.trim();
    }

    /** Raises the start level to the highest of the installed bundles and waits until it is reached. */
    private void raiseStartLevel() throws InterruptedException {
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        int target = framework.getStartLevel();
        for (Bundle bundle : context.getBundles()) {
            BundleStartLevel level = bundle.adapt(BundleStartLevel.class);
            if (level != null) {
                target = Math.max(target, level.getStartLevel());
            }
        }
        if (target <= framework.getStartLevel()) {
            return;
        }
        CountDownLatch reached = new CountDownLatch(1);
        FrameworkListener listener = event -> {
            if (event.getType() == FrameworkEvent.STARTLEVEL_CHANGED) {
                reached.countDown();
            }
        };
        framework.setStartLevel(target, listener);
        reached.await(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** The management component registers FileInstall's ArtifactInstaller once Jetty listens. */
    private void awaitManagement() throws CommandFailure {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        do {
            if (managementUp()) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        } while (System.nanoTime() < deadline);
        throw new CommandFailure(ExitCodes.ERROR, "the management API did not start within " + timeoutSeconds
                + " s: is the port taken or the bundle " + MANAGEMENT_BUNDLE + " missing? (see the log above; --port or"
                + " -Deventflux.http.port chooses another port)");
    }

    private boolean managementUp() {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences(INSTALLER, null);
            if (refs != null) {
                for (ServiceReference<?> ref : refs) {
                    if (MANAGEMENT_BUNDLE.equals(ref.getBundle().getSymbolicName())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void console() throws CommandFailure {
        // on a terminal (standard input and output) JLine edits the lines and keeps their history
        Path history = Terminals.interactive() ? historyFile(home) : null;
        new GogoConsole(context, System.in, System.out, System.err, history).run();
    }

    /** The shell's console, with {@code watch} and {@code unwatch} registered as Gogo commands while it runs. */
    @Override
    public int console(Path history, boolean interactive, ConsoleOutput output, AppWatches watches) throws CommandFailure {
        Hashtable<String, Object> props = new Hashtable<>();
        props.put("osgi.command.scope", "eventflux");
        props.put("osgi.command.function", AppWatches.FUNCTIONS.toArray(new String[0]));
        ServiceRegistration<?> commands = context.registerService(Object.class, watches, props);
        output.to(new PrintStream(new FileOutputStream(FileDescriptor.out), true, Charset.defaultCharset()));
        try {
            return new GogoConsole(context, System.in, System.out, System.err, interactive ? history : null,
                    interactive ? ShellCommand.BANNER : null, false, output).run();
        } finally {
            output.to(System.out);
            commands.unregister();
        }
    }

    /** HOME/state/console.history, or ~/.eventflux_history without a home. */
    static Path historyFile(Path home) {
        return home != null ? home.resolve("state").resolve("console.history")
                : Path.of(System.getProperty("user.home"), ".eventflux_history");
    }

    @Override
    public void stopAndWait() {
        try {
            system.stop();
            if (system instanceof Framework framework) {
                framework.waitForStop(STOP_TIMEOUT_MILLIS);
            }
        } catch (BundleException | IllegalStateException e) {
            // stopping already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
