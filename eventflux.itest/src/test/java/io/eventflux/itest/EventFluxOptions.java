package io.eventflux.itest;

import static org.ops4j.pax.exam.CoreOptions.bootDelegationPackage;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkStartLevel;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.options.UrlProvisionOption;

/**
 * The framework every integration test boots: Felix (from the test class path) with Pax Exam's own
 * bundles and every bundle maven-dependency-plugin copied into {@code target/bundles} (the reactor's
 * EventFlux bundles, SCR and its OSGi API bundles, ANTLR, Disruptor, ...), all from {@code file:} URLs.
 *
 * <p>Runs on the driver side (outside OSGi), when Pax Exam reads a test's {@code @Configuration}.
 */
final class EventFluxOptions {

    /** The bundles Pax Exam needs inside the framework, in install order. */
    private static final List<String> PAX_EXAM_BUNDLES = List.of(
            "pax-logging-api", "ops4j-base", "pax-swissbox-core", "pax-swissbox-extender",
            "pax-swissbox-framework", "pax-swissbox-lifecycle", "pax-swissbox-tracker",
            "jakarta.inject-api", "pax-exam", "pax-exam-inject", "pax-exam-extender-service",
            "org.apache.servicemix.bundles.hamcrest", "org.apache.servicemix.bundles.junit",
            "pax-exam-invoker-junit");

    private EventFluxOptions() {
    }

    static Option[] felixWithEventFlux() {
        return felixWithEventFluxWithout();
    }

    /**
     * As {@link #felixWithEventFlux()}, without some bundles of {@code target/bundles} (by file name without
     * {@code .jar}, e.g. {@code eventflux.connector.http}): a test installs them later, from {@link #jar}.
     */
    static Option[] felixWithEventFluxWithout(String... leftOut) {
        return options(
                cleanCaches(),
                bootDelegationPackage("sun.*"),
                frameworkStartLevel(Constants.START_LEVEL_TEST_BUNDLE),
                systemProperty("pax.exam.invoker").value("junit"),
                // pax-logging-api's fallback logger prints DEBUG otherwise
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                // as in cnf/runtime.bnd: SPI Fly registers the JDBC drivers' META-INF/services entries as
                // java.sql.Driver services, the jdbc table store's whiteboard
                systemProperty("org.apache.aries.spifly.auto.providers").value("org.postgresql.jdbc,mariadb-java-client"),
                // FileInstall (server mode's deploy folder) watches a folder of the build, not ./load
                systemProperty("felix.fileinstall.dir").value(new File("target/itest-deploy").getAbsolutePath()),
                paxExamBundles(),
                eventFluxBundles(java.util.Set.of(leftOut)));
    }

    private static Option paxExamBundles() {
        File dir = directory("pax.bundles.dir", "target/pax-bundles");
        List<Option> bundles = new ArrayList<>();
        for (String name : PAX_EXAM_BUNDLES) {
            File jar = new File(dir, name + ".jar");
            if (!jar.isFile()) {
                throw new IllegalStateException("missing " + jar + ": run `mvn verify` (pre-integration-test copies it)");
            }
            bundles.add(bundle(jar.toURI().toString()).startLevel(Constants.START_LEVEL_SYSTEM_BUNDLES));
        }
        return composite(bundles.toArray(new Option[0]));
    }

    private static Option eventFluxBundles(java.util.Set<String> leftOut) {
        List<Option> bundles = new ArrayList<>();
        for (File jar : providedJars()) {
            if (leftOut.contains(jar.getName().substring(0, jar.getName().length() - ".jar".length()))) {
                continue;
            }
            UrlProvisionOption option = bundle(jar.toURI().toString())
                    .startLevel(Constants.START_LEVEL_DEFAULT_PROVISION);
            bundles.add(isFragment(jar) ? option.start(false) : option);
        }
        return composite(bundles.toArray(new Option[0]));
    }

    /** Every jar in {@code target/bundles}, by name. */
    static List<File> providedJars() {
        File dir = directory("eventflux.bundles.dir", "target/bundles");
        File[] jars = dir.listFiles((d, name) -> name.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no bundles in " + dir + ": run `mvn verify` (pre-integration-test copies them)");
        }
        Arrays.sort(jars, Comparator.comparing(File::getName));
        return List.of(jars);
    }

    /** One jar of {@code target/bundles} by its name without {@code .jar}; also inside the framework (same JVM). */
    static File jar(String name) {
        File jar = new File(directory("eventflux.bundles.dir", "target/bundles"), name + ".jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("missing " + jar + ": run `mvn verify` (pre-integration-test copies it)");
        }
        return jar;
    }

    private static File directory(String property, String fallback) {
        return new File(System.getProperty(property, fallback));
    }

    private static boolean isFragment(File jar) {
        try (JarFile file = new JarFile(jar)) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
