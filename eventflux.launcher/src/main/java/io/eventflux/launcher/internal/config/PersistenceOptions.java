package io.eventflux.launcher.internal.config;

import io.eventflux.api.config.AppConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts the launcher's persistence settings where the engine reads them: {@code persistence.*} keys of the
 * {@code [application]} options (the engine takes them from there, under the SQL's {@code @app:persistence}
 * annotation). The {@code [persistence]} table's scalar keys become {@code persistence.KEY} unless
 * {@code [application]} sets them; {@code --state DIR} sets {@code persistence.dir} over both.
 */
public final class PersistenceOptions {
    static final String SECTION = "persistence";

    private PersistenceOptions() {
    }

    /**
     * @param sections the configuration file's other top-level tables
     * @param stateDir {@code --state DIR} or null; a relative one is resolved against {@code base}
     */
    public static AppConfig apply(AppConfig config, Map<String, Object> sections, String stateDir, Path base) {
        Map<String, String> application = new LinkedHashMap<>(config.application());
        if (sections.get(SECTION) instanceof Map<?, ?> table) {
            table.forEach((k, v) -> {
                if (v != null && !(v instanceof Map<?, ?>) && !(v instanceof Iterable<?>)) {
                    application.putIfAbsent("persistence." + k, String.valueOf(v));
                }
            });
        }
        if (stateDir != null) {
            application.put("persistence.dir", base.resolve(stateDir).toAbsolutePath().normalize().toString());
        }
        if (application.equals(config.application())) {
            return config;
        }
        return new AppConfig(config.source(), application, config.streams());
    }
}
