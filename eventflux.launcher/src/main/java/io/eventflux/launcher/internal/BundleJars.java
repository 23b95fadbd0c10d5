package io.eventflux.launcher.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jars behind {@code --bundle}: a jar as given, a folder as its {@code *.jar} files (by name), each checked
 * to be an OSGi bundle (a jar whose manifest has a {@code Bundle-SymbolicName}) before anything is installed.
 */
final class BundleJars {
    private BundleJars() {
    }

    /** One bundle jar: where it is, how the command line named it, its symbolic name and version. */
    record Jar(Path path, String shown, String symbolicName, String version) {
        /** How messages name it: the path as given and the bundle. */
        String describe() {
            return shown + " (" + symbolicName + " " + version + ")";
        }
    }

    /**
     * @param directory what relative paths are relative to
     * @param given jars and folders, as the command line gave them
     * @throws CommandFailure naming the path: missing, not a jar, not a bundle, the same bundle twice
     */
    static List<Jar> expand(Path directory, List<String> given) throws CommandFailure {
        List<Jar> jars = new ArrayList<>();
        for (String shown : given) {
            Path path = directory.resolve(shown);
            if (Files.isDirectory(path)) {
                List<Path> inFolder;
                try (Stream<Path> files = Files.list(path)) {
                    inFolder = files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                            .sorted().toList();
                } catch (IOException e) {
                    throw new CommandFailure(ExitCodes.ERROR, "--bundle " + shown + ": cannot list the folder: " + e);
                }
                if (inFolder.isEmpty()) {
                    throw new CommandFailure(ExitCodes.ERROR, "--bundle " + shown + ": the folder has no .jar file");
                }
                for (Path jar : inFolder) {
                    add(jars, read(jar, Path.of(shown).resolve(jar.getFileName()).toString()));
                }
            } else {
                add(jars, read(path, shown));
            }
        }
        return jars;
    }

    private static void add(List<Jar> jars, Jar jar) throws CommandFailure {
        for (Jar other : jars) {
            if (other.symbolicName().equals(jar.symbolicName()) && other.version().equals(jar.version())) {
                throw new CommandFailure(ExitCodes.ERROR, "--bundle " + jar.describe() + ": the same bundle as "
                        + other.shown() + " (given twice?)");
            }
        }
        jars.add(jar);
    }

    private static Jar read(Path path, String shown) throws CommandFailure {
        if (!Files.exists(path)) {
            throw new CommandFailure(ExitCodes.ERROR, "--bundle " + shown + ": no such file or folder");
        }
        Manifest manifest;
        try (JarFile jar = new JarFile(path.toFile())) {
            manifest = jar.getManifest();
        } catch (IOException | SecurityException e) {
            throw new CommandFailure(ExitCodes.ERROR, "--bundle " + shown + ": not a jar file (" + e.getMessage() + ")");
        }
        String name = manifest == null ? null : manifest.getMainAttributes().getValue("Bundle-SymbolicName");
        if (name == null || name.isBlank()) {
            throw new CommandFailure(ExitCodes.ERROR, "--bundle " + shown + ": not an OSGi bundle (its manifest has no"
                    + " Bundle-SymbolicName; build it with bnd-maven-plugin, see docs/extensions.md)");
        }
        Attributes main = manifest.getMainAttributes();
        String version = main.getValue("Bundle-Version");
        int semicolon = name.indexOf(';');
        return new Jar(path, shown, (semicolon < 0 ? name : name.substring(0, semicolon)).trim(),
                version == null ? "0.0.0" : version.trim());
    }
}
