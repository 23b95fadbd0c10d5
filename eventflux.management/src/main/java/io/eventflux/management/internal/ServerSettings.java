package io.eventflux.management.internal;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * Where and how the management API listens. Each setting is taken from the server-mode service's
 * properties (set by {@code eventflux server}), else from the framework or system property of the same
 * name ({@code -Deventflux.http.port=9191}), else its default. The token is only compared, never logged.
 *
 * @param home the distribution folder (bundles/, deploy/, conf/, state/, logs/)
 * @param host the address to bind, 127.0.0.1 by default (localhost only)
 * @param port the TCP port, 9090 by default; 0 picks a free one (reported on stderr and in home/state/http.port)
 * @param token the bearer token the /api and /metrics endpoints require, or null for none
 */
record ServerSettings(Path home, String host, int port, String token) {
    static final String HOME = "eventflux.server.home";
    static final String HOST = "eventflux.http.host";
    static final String PORT = "eventflux.http.port";
    static final String TOKEN = "eventflux.http.token";
    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_PORT = 9090;

    static ServerSettings from(Map<String, Object> service, Function<String, String> frameworkProperty) {
        Function<String, String> lookup = key -> {
            Object value = service.get(key);
            String text = value == null ? frameworkProperty.apply(key) : value.toString();
            return text == null || text.isBlank() ? null : text.trim();
        };
        String home = lookup.apply(HOME);
        String host = lookup.apply(HOST);
        String port = lookup.apply(PORT);
        return new ServerSettings(Path.of(home == null ? "." : home).toAbsolutePath().normalize(),
                host == null ? DEFAULT_HOST : host, port == null ? DEFAULT_PORT : parsePort(port), lookup.apply(TOKEN));
    }

    private static int parsePort(String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 0 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(PORT + " must be a TCP port (0-65535), was '" + port + "'");
    }

    @Override
    public String toString() {
        return "ServerSettings[home=" + home + ", host=" + host + ", port=" + port + ", token="
                + (token == null ? "none" : "***") + "]";
    }
}
