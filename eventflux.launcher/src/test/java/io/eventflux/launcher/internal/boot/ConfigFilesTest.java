package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.launcher.internal.config.ConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The boot code's view of whether a command reads a configuration file (to install the formats' bundles). */
class ConfigFilesTest {
    @Test
    void theDefaultFilesAreTheConfigLoadersOwn() {
        assertThat(Main.DEFAULT_CONFIG_FILES).isEqualTo(ConfigLoader.DEFAULT_FILES);
    }

    @Test
    void anExplicitFileInEitherSpellingIsRead() {
        assertThat(Main.readsConfigFile(new String[] {"run", "app.sql", "--config", "x.yaml"})).isTrue();
        assertThat(Main.readsConfigFile(new String[] {"replay", "app.sql", "--config=x.toml"})).isTrue();
    }

    @Test
    void withoutOneOnlyADefaultFileUnderTheWorkingDirectoryIsRead() {
        boolean present = ConfigLoader.DEFAULT_FILES.stream().anyMatch(f -> Files.exists(Path.of(f)));
        assertThat(Main.readsConfigFile(new String[] {"run", "app.sql", "--input", "in.jsonl"})).isEqualTo(present);
    }
}
