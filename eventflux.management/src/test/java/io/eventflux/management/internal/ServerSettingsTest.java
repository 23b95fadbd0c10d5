package io.eventflux.management.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    @Test
    void defaults() {
        ServerSettings s = ServerSettings.from(Map.of(), key -> null);
        assertThat(s.host()).isEqualTo("127.0.0.1");
        assertThat(s.port()).isEqualTo(9090);
        assertThat(s.token()).isNull();
    }

    @Test
    void serviceWinsOverFrameworkProperties() {
        Map<String, String> framework = Map.of("eventflux.http.port", "7000", "eventflux.http.host", "0.0.0.0",
                "eventflux.http.token", "from-framework");
        ServerSettings s = ServerSettings.from(Map.of("eventflux.http.port", "7100", "eventflux.server.home", "/srv/ef"),
                framework::get);
        assertThat(s.port()).isEqualTo(7100);
        assertThat(s.host()).isEqualTo("0.0.0.0");
        assertThat(s.home()).isEqualTo(Path.of("/srv/ef"));
        assertThat(s.token()).isEqualTo("from-framework");
    }

    @Test
    void badPortNamesTheSetting() {
        assertThatThrownBy(() -> ServerSettings.from(Map.of("eventflux.http.port", "http"), key -> null))
                .hasMessageContaining("eventflux.http.port").hasMessageContaining("'http'");
    }

    @Test
    void tokenIsNeverPrinted() {
        ServerSettings s = ServerSettings.from(Map.of("eventflux.http.token", "s3cret"), key -> null);
        assertThat(s.toString()).doesNotContain("s3cret").contains("token=***");
    }
}
