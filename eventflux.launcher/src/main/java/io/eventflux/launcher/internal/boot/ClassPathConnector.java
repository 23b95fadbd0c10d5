package io.eventflux.launcher.internal.boot;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.connect.ConnectContent;
import org.osgi.framework.connect.ConnectModule;
import org.osgi.framework.connect.ModuleConnector;

/**
 * OSGi Connect for the bundles that are on the JVM's class path: such a bundle's classes come from the
 * application class loader (which class data sharing serves whole, lambdas included), its entries from its jar.
 * A bundle is connected when it is installed with the {@code file:} URI of a jar that is on the class path
 * ({@link #location}); every other location is installed as usual.
 */
final class ClassPathConnector implements ModuleConnector {
    private final Set<Path> jars;
    private final ClassLoader loader;

    ClassPathConnector(Set<Path> jars, ClassLoader loader) {
        this.jars = Set.copyOf(jars);
        this.loader = loader;
    }

    /** The jars of a class path ({@code java.class.path}) but the one given (the launcher's own). */
    static Set<Path> jarsOf(String classPath, Path launcher) {
        Set<Path> jars = new HashSet<>();
        if (classPath == null || classPath.isEmpty()) {
            return jars;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            Path jar = real(Path.of(entry));
            if (jar != null && !jar.equals(launcher == null ? null : real(launcher))) {
                jars.add(jar);
            }
        }
        return jars;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    boolean isEmpty() {
        return jars.isEmpty();
    }

    int size() {
        return jars.size();
    }

    /** The location to install a bundle jar with: connected when it is on the class path, by reference otherwise. */
    String location(Path jar) {
        Path real = jars.isEmpty() ? null : real(jar);
        return real != null && jars.contains(real) ? real.toUri().toString() : "reference:" + jar.toUri();
    }

    @Override
    public void initialize(File storage, Map<String, String> configuration) {
    }

    @Override
    public Optional<ConnectModule> connect(String location) {
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        Path jar;
        try {
            jar = Path.of(URI.create(location));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!jars.contains(jar)) {
            return Optional.empty();
        }
        return Optional.of(() -> new JarContent(jar, loader));
    }

    @Override
    public Optional<BundleActivator> newBundleActivator() {
        return Optional.empty();
    }

    /** A connected bundle's content: its jar's entries, its classes from the class path's loader. */
    private static final class JarContent implements ConnectContent {
        private final Path jar;
        private final ClassLoader loader;
        private volatile ZipFile zip;

        JarContent(Path jar, ClassLoader loader) {
            this.jar = jar;
            this.loader = loader;
        }

        @Override
        public Optional<Map<String, String>> getHeaders() {
            return Optional.empty(); // the framework reads META-INF/MANIFEST.MF through getEntry
        }

        @Override
        public Iterable<String> getEntries() throws IOException {
            List<String> names = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip().entries(); e.hasMoreElements(); ) {
                names.add(e.nextElement().getName());
            }
            return Collections.unmodifiableList(names);
        }

        @Override
        public Optional<ConnectEntry> getEntry(String path) {
            try {
                ZipFile z = zip();
                ZipEntry entry = z.getEntry(path);
                return entry == null ? Optional.empty() : Optional.of(new Entry(z, entry));
            } catch (IOException e) {
                return Optional.empty();
            }
        }

        @Override
        public Optional<ClassLoader> getClassLoader() {
            return Optional.of(loader);
        }

        @Override
        public void open() throws IOException {
            zip();
        }

        @Override
        public synchronized void close() throws IOException {
            if (zip != null) {
                zip.close();
                zip = null;
            }
        }

        private ZipFile zip() throws IOException {
            ZipFile z = zip;
            if (z == null) {
                synchronized (this) {
                    if (zip == null) {
                        if (!Files.isRegularFile(jar)) {
                            throw new IOException("no bundle jar at " + jar);
                        }
                        zip = new ZipFile(jar.toFile());
                    }
                    z = zip;
                }
            }
            return z;
        }
    }

    private record Entry(ZipFile zip, ZipEntry entry) implements ConnectContent.ConnectEntry {
        @Override
        public String getName() {
            return entry.getName();
        }

        @Override
        public long getContentLength() {
            return entry.getSize();
        }

        @Override
        public long getLastModified() {
            return entry.getTime();
        }

        @Override
        public InputStream getInputStream() throws IOException {
            return zip.getInputStream(entry);
        }
    }
}
