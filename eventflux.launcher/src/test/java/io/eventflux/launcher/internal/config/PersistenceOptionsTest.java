package io.eventflux.launcher.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.config.AppConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceOptionsTest {
    @TempDir
    Path dir;

    @Test
    void thePersistenceTableBecomesApplicationKeysUnderApplicationAndStateOverBoth() throws Exception {
        Path file = Files.writeString(dir.resolve("eventflux.toml"), """
                [application]
                "error.strategy" = "retry"
                "persistence.keep" = "5"

                [persistence]
                dir = "/var/lib/eventflux"
                interval = "1 min"
                keep = 2
                """);
        ConfigFile config = new ConfigLoader().load(file, "conf/eventflux.toml");

        AppConfig fromFile = PersistenceOptions.apply(config.options(), config.sections(), null, dir);
        assertThat(fromFile.application()).containsExactly(Map.entry("error.strategy", "retry"),
                Map.entry("persistence.keep", "5"), Map.entry("persistence.dir", "/var/lib/eventflux"),
                Map.entry("persistence.interval", "1 min"));
        assertThat(fromFile.source()).isEqualTo(config.source());

        AppConfig withState = PersistenceOptions.apply(config.options(), config.sections(), "state", dir);
        assertThat(withState.application()).containsEntry("persistence.dir", dir.resolve("state").toString());
    }

    @Test
    void nothingToAddKeepsTheConfigAsItIs() {
        AppConfig none = AppConfig.empty();
        assertThat(PersistenceOptions.apply(none, Map.of(), null, dir)).isSameAs(none);
        assertThat(PersistenceOptions.apply(none, Map.of(), "/abs/state", dir).application())
                .containsExactly(Map.entry("persistence.dir", "/abs/state"));
    }
}
