package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The list of bundle jars that the launcher scripts put on the JVM's class path for {@code run}, {@code replay},
 * {@code validate} and {@code config} ({@code -Deventflux.core.list=FILE}; written by the first such run, read by
 * the script before later ones): the bundles these commands install at boot, with the ones the core bundles
 * import dynamically (cron-utils and what it needs, the configuration file's formats), in install order, one
 * absolute path a line. Those bundles are then connected ({@link ClassPathConnector}): their classes come from
 * the application class loader, which class data sharing archives whole. Fragments stay out (they have no class
 * loader of their own; SPI Fly's framework extension must stay on the framework's).
 */
final class CoreClassPath {
    /** System property: the file to write the list to, when it does not exist yet. */
    static final String PROPERTY = "eventflux.core.list";
    /** The commands the list is for: the ones that install the same bundles at boot. */
    static final Set<String> COMMANDS = Set.of("run", "replay", "validate", "config");

    private CoreClassPath() {
    }

    /**
     * The jars of the list, in launch order: the bundles that are installed at boot, or imported dynamically by
     * those, and are not fragments.
     *
     * @param notAtBoot the embedded paths these commands do not install at boot (on demand, server only)
     * @param importedDynamically the embedded paths of the bundles the core bundles import dynamically, with
     *     what they need (installed at boot only when an app needs them)
     */
    static List<Path> jars(List<String> launchBundles, Map<String, Path> files, Set<String> notAtBoot,
            Set<String> importedDynamically) throws IOException {
        List<Path> jars = new ArrayList<>();
        for (String path : launchBundles) {
            Path jar = files.get(path);
            if (jar == null || notAtBoot.contains(path) && !importedDynamically.contains(path) || isFragment(jar)) {
                continue;
            }
            jars.add(jar.toAbsolutePath().normalize());
        }
        return jars;
    }

    /** {@link #jars} with the groups of an on-demand index. */
    static List<Path> jars(List<String> launchBundles, Map<String, Path> files, OnDemandIndex index) throws IOException {
        Set<String> notAtBoot = new HashSet<>(index.deferred());
        notAtBoot.addAll(index.serverOnly());
        Set<String> dynamic = new HashSet<>(index.triggers());
        dynamic.addAll(index.configFormats());
        return jars(launchBundles, files, notAtBoot, dynamic);
    }

    /** Writes the list to {@code file} (atomically: a script never reads half of it). */
    static void write(Path file, List<Path> jars) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path jar : jars) {
            text.append(jar).append('\n');
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static boolean isFragment(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile(), false)) {
            Manifest m = j.getManifest();
            return m != null && m.getMainAttributes().getValue("Fragment-Host") != null;
        }
    }
}
