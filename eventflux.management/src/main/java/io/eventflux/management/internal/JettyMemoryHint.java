package io.eventflux.management.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.PlatformManagedObject;
import java.lang.reflect.Method;

/**
 * Tells Jetty how many object references fit in a cache line before its first class needs it. Without
 * {@value #REFERENCES_PER_CACHE_LINE}, Jetty's {@code MemoryUtils} asks the JVM's HotSpotDiagnostic MBean
 * for UseCompressedOops through the platform MBean server, and creating that server (registering and
 * introspecting every platform MXBean, ~600 classes) cost ~80 ms of every server start. The same answer
 * comes from the MXBean itself without the server. Jetty's own rule: compressed oops give
 * cacheLineBytes / 4 references (the ints per line), else cacheLineBytes / 8. A value set on the command
 * line is kept; when the JVM cannot tell, nothing is set and Jetty asks as before.
 */
final class JettyMemoryHint {
    static final String REFERENCES_PER_CACHE_LINE = "org.eclipse.jetty.util.referencesPerCacheLine";
    static final String CACHE_LINE_BYTES = "org.eclipse.jetty.util.cacheLineBytes";

    private JettyMemoryHint() {
    }

    static void apply() {
        if (System.getProperty(REFERENCES_PER_CACHE_LINE) != null) {
            return;
        }
        Boolean compressed = compressedOops();
        if (compressed == null) {
            return;
        }
        int cacheLine;
        try {
            cacheLine = Integer.parseInt(System.getProperty(CACHE_LINE_BYTES, "64"));
        } catch (NumberFormatException e) {
            return; // Jetty reports it
        }
        System.setProperty(REFERENCES_PER_CACHE_LINE, String.valueOf(compressed ? cacheLine / 4 : cacheLine / 8));
    }

    /** The JVM's UseCompressedOops, or null when it cannot be read (not HotSpot). */
    static Boolean compressedOops() {
        try {
            // com.sun.management is the JDK's (jdk.management), not a package bundles import
            Class<?> type = ClassLoader.getSystemClassLoader().loadClass("com.sun.management.HotSpotDiagnosticMXBean");
            Object bean = ManagementFactory.getPlatformMXBean(type.asSubclass(PlatformManagedObject.class));
            Method getVMOption = type.getMethod("getVMOption", String.class);
            Object option = getVMOption.invoke(bean, "UseCompressedOops");
            Object value = option.getClass().getMethod("getValue").invoke(option);
            return Boolean.parseBoolean(String.valueOf(value));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
