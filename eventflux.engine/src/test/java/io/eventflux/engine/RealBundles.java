package io.eventflux.engine;

/**
 * A runtime over the real window and aggregator bundles (test-scope dependencies), found the plain-Java
 * way: {@link java.util.ServiceLoader} reads the META-INF/services files of their packaged jars.
 */
final class RealBundles {
    private RealBundles() {
    }

    static EventFluxRuntime runtime() {
        return EventFluxRuntime.withServiceLoader(RealBundles.class.getClassLoader());
    }
}
