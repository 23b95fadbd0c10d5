package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-demand index of the real runnable jar's bundles: what is installed at boot, what waits for an app,
 * what comes with what, and that every extension of a bundle left out is described (with its parameters)
 * for the stand-ins that list it.
 */
class OnDemandIndexIT {
    @TempDir
    Path dir;

    private OnDemandIndex built;
    private Properties index;
    private Set<String> deferred;
    private Set<String> serverOnly;
    private Set<String> console;
    private Map<String, String> byName;

    @BeforeEach
    void buildFromTheJar() throws Exception {
        Path jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar"));
        Map<String, Path> files = new LinkedHashMap<>();
        LaunchProperties launch;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            try (InputStream in = zip.getInputStream(zip.getEntry(LaunchProperties.RESOURCE))) {
                launch = LaunchProperties.load(in, new Properties());
            }
            for (String path : launch.bundles()) {
                ZipEntry entry = zip.getEntry(path);
                Path file = dir.resolve(path.substring(path.lastIndexOf('/') + 1));
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, file);
                }
                files.put(path, file);
            }
        }
        built = OnDemandIndex.load(dir, files, launch);
        index = built.properties();
        deferred = built.deferred();
        serverOnly = built.serverOnly();
        console = built.console();
        byName = new LinkedHashMap<>();
        for (String path : launch.bundles()) {
            byName.put(path.substring(path.lastIndexOf('/') + 1).replaceFirst("-\\d.*", ""), path);
        }
        assertThat(OnDemandIndex.load(dir, files, launch).properties()).as("read back from the file").isEqualTo(index);
    }

    @Test
    void theCoreIsInstalledAtBootAndTheExtensionsWait() {
        for (String core : List.of("eventflux.engine", "eventflux.sql", "eventflux.api", "eventflux.launcher",
                "org.apache.felix.scr", "org.apache.felix.fileinstall")) {
            assertThat(deferred).as(core).doesNotContain(byName.get(core));
            assertThat(serverOnly).as(core).doesNotContain(byName.get(core));
        }
        for (String lazy : List.of("eventflux.window.length", "eventflux.aggregator.avg", "eventflux.connector.kafka",
                "eventflux.connector.basic", "eventflux.mapper.csv", "jackson-dataformat-csv", "eventflux.store.jdbc",
                "postgresql", "mariadb-java-client", "eventflux.persistence.file", "eventflux.connector.websocket",
                "eventflux.function.core", "eventflux.function.json", "json-path")) {
            assertThat(deferred).as(lazy).contains(byName.get(lazy));
        }
        assertThat(serverOnly).contains(byName.get("eventflux.management"), byName.get("jetty-server"),
                byName.get("eventflux.shell"), byName.get("org.apache.felix.gogo.runtime"));
        assertThat(serverOnly).as("the server's bundles are installed at boot, not on demand").doesNotContainAnyElementsOf(deferred);
    }

    @Test
    void cronUtilsAndTheLoggingItNeedsWaitForAnAppWithACronTrigger() {
        // the engine and the compiler import cron-utils dynamically; only on-demand bundles import it or slf4j
        List<String> cron = List.of(byName.get("cron-utils"), byName.get("jakarta.validation-api"),
                byName.get("slf4j-api"), byName.get("slf4j-simple"));
        assertThat(deferred).as("on demand").contains(byName.get("cron-utils"), byName.get("jakarta.validation-api"));
        assertThat(serverOnly).as("the server's Jetty logs through slf4j")
                .contains(byName.get("slf4j-api"), byName.get("slf4j-simple"));
        assertThat(built.triggers()).as("the triggers' bundles, in install order").containsExactlyElementsOf(cron);
        assertThat(group("eventflux.window.cron")).as("the cron window brings them too (slf4j-simple as slf4j-api's companion)")
                .containsAll(cron);
        assertThat(group("eventflux.connector.kafka")).as("a bundle that logs through slf4j brings the provider")
                .contains(byName.get("slf4j-api"), byName.get("slf4j-simple"));
    }

    @Test
    void theConfigurationFormatsWaitForACommandThatReadsAFile() {
        List<String> formats = List.of(byName.get("jackson-dataformat-toml"), byName.get("jackson-dataformat-yaml"),
                byName.get("snakeyaml"));
        assertThat(deferred).containsAll(formats);
        assertThat(built.configFormats()).as("in install order, without the core's jackson-databind")
                .containsExactlyElementsOf(formats);
        assertThat(deferred).doesNotContain(byName.get("jackson-databind"), byName.get("jackson-core"));
    }

    @Test
    void theShellInstallsTheConsoleWithoutTheManagementApi() {
        assertThat(console).contains(byName.get("eventflux.shell"), byName.get("org.apache.felix.gogo.runtime"),
                byName.get("org.apache.felix.gogo.shell"), byName.get("org.apache.felix.gogo.command"));
        assertThat(serverOnly).containsAll(console);
        assertThat(console).doesNotContain(byName.get("eventflux.management"), byName.get("jetty-server"),
                byName.get("prometheus-metrics-model"));
    }

    @Test
    void aBundleComesWithWhatItNeedsThatIsNotThereYet() {
        assertThat(group("eventflux.window.length")).as("with the helper library only extensions import, in install order")
                .containsExactly(byName.get("eventflux.extension.support"), byName.get("eventflux.window.length"));
        assertThat(group("eventflux.mapper.csv")).contains(byName.get("jackson-dataformat-csv"));
        assertThat(group("eventflux.store.jdbc")).as("the drivers are its companions")
                .contains(byName.get("postgresql"), byName.get("mariadb-java-client"));
        assertThat(group("eventflux.connector.http")).as("Jetty, which only the server installs at boot")
                .contains(byName.get("jetty-server"));
    }

    @Test
    void everyExtensionOfABundleLeftOutIsDescribed() {
        Map<String, Properties> extensions = new LinkedHashMap<>();
        int count = Integer.parseInt(index.getProperty("ext.count"));
        for (int i = 0; i < count; i++) {
            Properties p = new Properties();
            String prefix = "ext." + i + ".";
            index.stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
                    .forEach(k -> p.setProperty(k.substring(prefix.length()), index.getProperty(k)));
            extensions.put(p.getProperty("s.eventflux.extension.type", "?") + ":"
                    + p.getProperty("s.eventflux.extension.name"), p);
        }
        assertThat(extensions).containsKeys("function:core", "function:math", "window:length", "window:sort", "aggregator:avg", "source:kafka",
                "sink:kafka", "source:inMemory", "mapper:csv", "table-store:jdbc", "persistence-store:file");
        Properties kafka = extensions.get("source:kafka");
        assertThat(kafka.getProperty("objectClass")).isEqualTo("io.eventflux.api.io.SourceFactory");
        assertThat(kafka.getProperty("bsn")).isEqualTo("eventflux.connector.kafka");
        assertThat(kafka.getProperty("a.eventflux.extension.parameters")).contains("kafka.topic");
        List<String> undocumented = new ArrayList<>();
        extensions.forEach((name, p) -> {
            if (p.getProperty("s.eventflux.extension.description", "").isBlank()) {
                undocumented.add(name);
            }
        });
        assertThat(undocumented).as("extensions without a description").isEmpty();
    }

    private List<String> group(String bundle) {
        return List.of(index.getProperty("group." + byName.get(bundle)).split(","));
    }
}
