package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LaunchPropertiesTest {
    private static final String FILE = """
            launch.bundles=jar/a-1.0.jar,jar/b-2.0.jar
            launch.runbundles.attrs=com.example.a;version\\="1.0.0";startlevel\\=1,com.example.b;version\\="2.0.0.2026";startlevel\\=3
            launch.startlevel.default=4
            launch.system.packages=org.osgi.framework;version\\="1.10",org.osgi.dto;version\\="1.1.1"
            gosh.args=--nointeractive --noshutdown
            felix.log.level=0
            """;

    @Test
    void readsTheBundlesTheirStartLevelsAndTheRunPropertiesWithSystemOverrides() throws Exception {
        Properties system = new Properties();
        system.setProperty("felix.log.level", "4");
        LaunchProperties launch = LaunchProperties.load(new ByteArrayInputStream(FILE.getBytes(StandardCharsets.UTF_8)), system);

        assertThat(launch.bundles()).containsExactly("jar/a-1.0.jar", "jar/b-2.0.jar");
        assertThat(launch.startLevel("com.example.a", "1.0.0")).isEqualTo(1);
        assertThat(launch.startLevel("com.example.b", "2.0.0.2026")).isEqualTo(3);
        assertThat(launch.startLevel("com.example.b", "2.0.1")).as("by name when the version differs").isEqualTo(3);
        assertThat(launch.startLevel("com.example.other", "1.0.0")).as("the default level").isEqualTo(4);
        assertThat(launch.systemPackages()).isEqualTo("org.osgi.framework;version=\"1.10\",org.osgi.dto;version=\"1.1.1\"");
        assertThat(launch.runProperties()).containsEntry("gosh.args", "--nointeractive --noshutdown")
                .containsEntry("felix.log.level", "4").doesNotContainKey("launch.bundles");
    }

    @Test
    void splitsHeadersAtCommasOutsideQuotes() {
        assertThat(LaunchProperties.clauses("a;version=\"[1,2)\", b;x=1,,c"))
                .containsExactly("a;version=\"[1,2)\"", "b;x=1", "c");
    }
}
