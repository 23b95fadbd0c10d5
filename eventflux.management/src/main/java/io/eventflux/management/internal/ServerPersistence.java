package io.eventflux.management.internal;

import io.eventflux.api.config.AppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Server mode persists every app by default: unless the configuration sets {@code persistence.store} or
 * {@code persistence.dir} ({@code [persistence]} table or {@code [application]} keys), apps keep their
 * snapshots in the file store under {@code HOME/state/snapshots}, so that management snapshots, a restart and
 * a redeploy keep their state. An app turns it off with {@code @app:persistence(store = 'none')}.
 */
final class ServerPersistence {
    static final String DIR = "persistence.dir";
    static final String STORE = "persistence.store";

    private ServerPersistence() {
    }

    static AppConfig withDefault(AppConfig config, Path home) {
        boolean set = config.application().keySet().stream().map(k -> k.toLowerCase(Locale.ROOT))
                .anyMatch(k -> k.equals(DIR) || k.equals(STORE));
        if (set) {
            return config;
        }
        Map<String, String> application = new LinkedHashMap<>(config.application());
        application.put(DIR, home.resolve("state").resolve("snapshots").toString());
        return new AppConfig(config.source(), application, config.streams());
    }
}
