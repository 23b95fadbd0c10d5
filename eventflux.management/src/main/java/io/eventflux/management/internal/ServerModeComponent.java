package io.eventflux.management.internal;

import io.eventflux.api.DeployOptions;
import io.eventflux.api.EventFlux;
import io.eventflux.api.config.AppConfig;
import io.eventflux.api.management.EventFluxManagement;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;
import java.util.logging.Logger;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

/**
 * Server mode: the management API on Jetty and the hot deploy of {@code *.sql} files (a FileInstall
 * {@link ArtifactInstaller}). Only active while {@code eventflux server} runs: it needs the server-mode
 * service ({@code eventflux.server=true}) that the command registers, so {@code run} and {@code replay}
 * never bind a port nor deploy files. The settings come from that service's properties (see
 * {@link ServerSettings}).
 */
@Component(service = ArtifactInstaller.class, immediate = true)
public final class ServerModeComponent implements ArtifactInstaller {
    /** The filter of the service that switches server mode on. */
    static final String SERVER_MODE = "(eventflux.server=true)";
    /** The service property holding the configuration file's stream options ({@link AppConfig}). */
    static final String OPTIONS = "eventflux.server.options";

    // INFO is what an operator wants to see from the server (deploys, the port); the launcher's logging
    // configuration keeps libraries at WARNING
    private final Logger log = Logger.getLogger("io.eventflux.management");
    private final DeployFolder folder;
    private final HttpEndpoint http;
    private final Handler logFile;

    @Activate
    public ServerModeComponent(BundleContext context,
            @Reference(service = EventFluxManagement.class) EventFluxManagement management,
            @Reference(service = EventFlux.class) EventFlux eventFlux,
            @Reference(name = "server", service = Object.class, target = SERVER_MODE) Map<String, Object> server)
            throws Exception {
        log.setLevel(Level.INFO);
        ServerSettings settings = ServerSettings.from(server, context::getProperty);
        logFile = logFile(settings.home());
        AppConfig config = server.get(OPTIONS) instanceof AppConfig c ? c : AppConfig.empty();
        DeployOptions options = DeployOptions.defaults().withConfig(ServerPersistence.withDefault(config,
                settings.home()));
        AppDeployer deployer = new AppDeployer(management, eventFlux, options);
        folder = new DeployFolder(deployer, log);
        http = new HttpEndpoint(settings, new ManagementApi(management, deployer, folder));
        try {
            http.start();
        } catch (Exception e) {
            log.log(Level.SEVERE, "cannot start the management API on " + settings.host() + ":" + settings.port() + ": " + e);
            throw e;
        }
        writePort(settings.home(), http.port());
        log.info(() -> "management API on http://" + settings.host() + ":" + http.port() + (settings.token() == null
                ? " (no token)" : " (bearer token required)"));
    }

    /** Scripts and tests find a port chosen by the system (port 0) in state/http.port. */
    private void writePort(Path home, int port) {
        try {
            Path state = Files.createDirectories(home.resolve("state"));
            Path tmp = state.resolve("http.port.tmp");
            Files.writeString(tmp, Integer.toString(port), StandardCharsets.US_ASCII);
            Files.move(tmp, state.resolve("http.port"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warning("cannot write " + home.resolve("state/http.port") + ": " + e);
        }
    }

    /** What the server reports (deploys, compile errors, the port) also goes to HOME/logs/eventflux.log. */
    private Handler logFile(Path home) {
        try {
            Path logs = Files.createDirectories(home.resolve("logs"));
            FileHandler handler = new FileHandler(logs.resolve("eventflux.log").toString(), true);
            handler.setEncoding("UTF-8");
            handler.setFormatter(new SimpleFormatter() {
                @Override
                public String format(LogRecord record) {
                    return java.time.Instant.ofEpochMilli(record.getMillis()) + " " + record.getLevel() + " "
                            + formatMessage(record) + System.lineSeparator();
                }
            });
            log.addHandler(handler);
            return handler;
        } catch (IOException | RuntimeException e) {
            log.warning("cannot write " + home.resolve("logs/eventflux.log") + ": " + e);
            return null;
        }
    }

    @Deactivate
    void deactivate() throws Exception {
        try {
            http.close();
        } finally {
            if (logFile != null) {
                log.removeHandler(logFile);
                logFile.close();
            }
        }
    }

    @Override
    public boolean canHandle(File artifact) {
        return artifact.getName().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    @Override
    public void install(File artifact) {
        folder.install(artifact);
    }

    @Override
    public void update(File artifact) {
        folder.install(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        folder.uninstall(artifact);
    }
}
