package io.eventflux.management.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.config.AppConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerPersistenceTest {
    private final Path home = Path.of("/opt/eventflux");

    @Test
    void appsArePersistedUnderHomeStateByDefault() {
        AppConfig config = ServerPersistence.withDefault(new AppConfig("conf/eventflux.toml",
                Map.of("error.strategy", "log"), Map.of("In", Map.of("type", "source"))), home);
        assertThat(config.application()).containsEntry("persistence.dir", home.resolve("state/snapshots").toString())
                .containsEntry("error.strategy", "log");
        assertThat(config.stream("In")).containsEntry("type", "source");
        assertThat(config.source()).isEqualTo("conf/eventflux.toml");
    }

    @Test
    void aConfiguredStoreOrDirectoryWins() {
        AppConfig none = new AppConfig("c", Map.of("persistence.store", "none"), Map.of());
        assertThat(ServerPersistence.withDefault(none, home)).isSameAs(none);
        AppConfig dir = new AppConfig("c", Map.of("Persistence.Dir", "/var/lib/ef"), Map.of());
        assertThat(ServerPersistence.withDefault(dir, home)).isSameAs(dir);
    }
}
