package io.eventflux.management.internal;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.management.StateRestore;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code *.sql} files of the deploy folder, as FileInstall reports them: install deploys the app,
 * update redeploys it (a file that does not compile leaves the previous version running), uninstall
 * undeploys it. The last problem of each file (compile errors with line and column) is kept for
 * {@code GET /api/apps/{app}}, {@code /ready} and {@code /metrics}, and logged.
 */
final class DeployFolder {
    /** One file's app and its last problem (null when its current content is deployed). */
    record FileApp(String file, String app, String problem) {
    }

    private final AppDeployer deployer;
    private final Logger log;
    private final Map<String, FileApp> files = new ConcurrentHashMap<>();

    DeployFolder(AppDeployer deployer, Logger log) {
        this.deployer = deployer;
        this.log = log;
    }

    synchronized void install(File file) {
        String sql;
        try {
            sql = Files.readString(file.toPath(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            problem(file, null, "cannot read " + file + ": " + e);
            return;
        }
        FileApp previous = files.get(key(file));
        String name = AppNames.of(file.getName(), sql);
        try {
            AppDeployer.Deployed deployed = deployer.deploy(name, sql);
            if (previous != null && previous.app() != null && !previous.app().equals(name)) {
                deployer.undeploy(previous.app()); // the file now names another app, which is up
            }
            files.put(key(file), new FileApp(file.getName(), name, null));
            StateRestore restored = deployed.summary().restored();
            log.info(() -> "deploy/" + file.getName() + ": app '" + name + "' " + (deployed.replaced() ? "redeployed" : "deployed")
                    + " (" + deployed.summary().state() + ")" + (restored == null ? "" : "; state from revision "
                            + restored.revision() + ": kept " + restored.kept() + ", started empty "
                            + restored.startedEmpty()));
        } catch (CompileException e) {
            boolean running = deployer.exists(name);
            problem(file, name, "deploy/" + file.getName() + " does not compile" + (running ? " (the previous version keeps running)" : "")
                    + ":" + System.lineSeparator() + "  " + format(e.errors(), sql));
        } catch (RuntimeException e) {
            problem(file, name, "deploy/" + file.getName() + ": app '" + name + "' cannot be deployed: " + e.getMessage());
        }
    }

    synchronized void uninstall(File file) {
        FileApp app = files.remove(key(file));
        if (app != null && app.app() != null && deployer.undeploy(app.app())) {
            log.info(() -> "deploy/" + file.getName() + " removed: app '" + app.app() + "' undeployed");
        }
    }

    /** The problem of the file that deploys this app, or null. */
    String problemOf(String app) {
        return files.values().stream().filter(f -> app.equals(f.app()) && f.problem() != null).map(FileApp::problem)
                .findFirst().orElse(null);
    }

    /** Every file whose current content is not deployed, with why. */
    List<FileApp> problems() {
        return files.values().stream().filter(f -> f.problem() != null).toList();
    }

    private void problem(File file, String app, String message) {
        FileApp previous = files.get(key(file));
        // keep naming the app that still runs from this file's previous content
        String owner = previous != null && previous.app() != null ? previous.app() : app;
        files.put(key(file), new FileApp(file.getName(), owner, message));
        log.log(Level.SEVERE, message);
    }

    /** Each error with its source line and a caret under its column, every line indented by two spaces. */
    private static String format(List<CompileError> errors, String sql) {
        return String.join(System.lineSeparator() + "  ", errors.stream()
                .map(error -> error.render(sql).replace(System.lineSeparator(), System.lineSeparator() + "  ")).toList());
    }

    private static String key(File file) {
        return file.getAbsolutePath();
    }
}
