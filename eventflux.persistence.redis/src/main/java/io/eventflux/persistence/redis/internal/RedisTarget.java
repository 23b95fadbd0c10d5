package io.eventflux.persistence.redis.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Where the snapshots go: {@code redis://[user[:password]@]host[:port][/database]} ({@code rediss://} for
 * TLS), with the {@code username} and {@code password} options over the URL's. {@link #toString()} and
 * {@link #where()} never show the password.
 */
record RedisTarget(String host, int port, int database, boolean tls, String user, String password, int timeoutMillis) {
    static final String DEFAULT_URL = "redis://127.0.0.1:6379";

    /** @throws IllegalArgumentException naming the option and the (masked) value */
    static RedisTarget parse(String url, String user, String password, int timeoutMillis) {
        String shown = mask(url);
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw bad(shown, e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("redis") && !scheme.equals("rediss")) {
            throw bad(shown, "the scheme must be redis:// or rediss://");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(shown, "no host");
        }
        int database = 0;
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (!path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                database = -1;
            }
            if (database < 0) {
                throw bad(shown, "the path must be a database number such as /0");
            }
        }
        String urlUser = null;
        String urlPassword = null;
        String info = uri.getRawUserInfo();
        if (info != null && !info.isEmpty()) {
            int colon = info.indexOf(':');
            urlUser = decode(colon < 0 ? info : info.substring(0, colon));
            urlPassword = colon < 0 ? null : decode(info.substring(colon + 1));
            if (urlUser.isEmpty()) {
                urlUser = null; // redis://:password@host
            }
        }
        return new RedisTarget(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort(), database,
                scheme.equals("rediss"), user != null ? user : urlUser, password != null ? password : urlPassword,
                timeoutMillis);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException bad(String shown, String why) {
        return new IllegalArgumentException("persistence store 'redis': option 'url' must be "
                + "redis://[user[:password]@]host[:port][/database] (or rediss://), was '" + shown + "': " + why);
    }

    /** The URL with the password of its user information masked. */
    static String mask(String url) {
        return url == null ? null : url.replaceAll("(//[^/@:?#]*:)[^/@?#]*@", "$1***@");
    }

    /** {@code redis://host:port/db}, for messages (no user, no password). */
    String where() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    /**
     * The text with every occurrence of the password masked; a password under 4 characters is not searched
     * for (masking every "p" of a message would garble it).
     */
    String scrub(String text) {
        return text == null || password == null || password.length() < 4 ? text : text.replace(password, "***");
    }

    @Override
    public String toString() {
        return where() + (user == null ? "" : " as " + user) + (password == null ? "" : " (password ***)");
    }
}
