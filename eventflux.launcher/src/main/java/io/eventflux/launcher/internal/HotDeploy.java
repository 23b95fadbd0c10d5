package io.eventflux.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/**
 * Switches on the deploy folder. Felix FileInstall sits at a start level above the framework's
 * beginning start level (cnf/runtime.bnd), so it is installed but idle: {@code replay} and
 * {@code validate} neither wait for it nor find a {@code deploy/} folder created in the working
 * directory. {@code run} raises the framework's start level so that FileInstall starts and watches
 * the folder (felix.fileinstall.dir, ./deploy by default; created if missing).
 *
 * <p>The folder is not a run property: {@code server} watches {@code HOME/deploy}. FileInstall reads
 * its settings when it starts, through {@code BundleContext.getProperty}, which in Felix falls back to
 * the system properties; so the folder is set as a system property just before FileInstall starts
 * (unless given with {@code -Dfelix.fileinstall.dir}).
 */
final class HotDeploy implements Runnable {
    static final String FILEINSTALL = "org.apache.felix.fileinstall";
    static final String DIR_PROPERTY = "felix.fileinstall.dir";
    static final String DEFAULT_DIR = "deploy";

    private final BundleContext context;

    HotDeploy(BundleContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        useFolder(context, Path.of(DEFAULT_DIR));
        FrameworkStartLevel framework = context.getBundle(0).adapt(FrameworkStartLevel.class);
        for (Bundle bundle : context.getBundles()) {
            if (FILEINSTALL.equals(bundle.getSymbolicName())) {
                int level = bundle.adapt(BundleStartLevel.class).getStartLevel();
                if (framework.getStartLevel() < level) {
                    framework.setStartLevel(level);
                }
            }
        }
    }

    /** Points FileInstall at this folder, unless -Dfelix.fileinstall.dir chose one, and creates it. */
    static void useFolder(BundleContext context, Path folder) {
        String dir = context.getProperty(DIR_PROPERTY);
        if (dir == null) {
            dir = folder.toString();
            System.setProperty(DIR_PROPERTY, dir);
        }
        try {
            Files.createDirectories(Path.of(dir));
        } catch (IOException | InvalidPathException e) {
            // FileInstall reports a folder it cannot watch; the app runs without hot deploy
        }
    }
}
