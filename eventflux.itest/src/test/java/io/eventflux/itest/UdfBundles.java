package io.eventflux.itest;

import io.eventflux.itest.udf.ScaleLibrary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Builds the two versions of the "itest.scale" function bundle at test time, from the compiled classes of
 * {@code io.eventflux.itest.udf} (read from the probe): the library class and one version's activator.
 */
final class UdfBundles {
    static final String SYMBOLIC_NAME = "itest.scale";

    private UdfBundles() {
    }

    /** Version 1 (times(x) = x * 10) or 2 (x * 100) as a bundle jar. */
    static byte[] scale(int version) {
        String activator = "io.eventflux.itest.udf.ScaleV" + version + "Activator";
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", SYMBOLIC_NAME);
        main.putValue("Bundle-Version", version + ".0.0");
        main.putValue("Bundle-Activator", activator);
        main.putValue("Import-Package", "io.eventflux.api,io.eventflux.api.function,org.osgi.framework");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            add(jar, ScaleLibrary.class.getName());
            add(jar, activator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void add(JarOutputStream jar, String className) throws IOException {
        String path = className.replace('.', '/') + ".class";
        try (InputStream in = UdfBundles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("class file not found in the probe: " + path);
            }
            jar.putNextEntry(new JarEntry(path));
            in.transferTo(jar);
            jar.closeEntry();
        }
    }
}
