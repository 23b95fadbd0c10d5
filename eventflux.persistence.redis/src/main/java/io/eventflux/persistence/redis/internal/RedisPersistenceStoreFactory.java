package io.eventflux.persistence.redis.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.osgi.service.component.annotations.Component;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code persistence.store = 'redis'}: the revisions of an app in two Redis keys under a prefix
 * ({@link RedisPersistenceStore}). The server must answer when the store is opened (at the app's start):
 * a wrong URL, user or password fails the start with the server's reason, the password masked.
 */
@Component(service = PersistenceStoreFactory.class)
@ServiceProvider(value = PersistenceStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.PERSISTENCE_STORE, name = "redis",
        description = "Snapshots in Redis: each save one MULTI/EXEC transaction (atomic), CRC32 verified on load, "
                + "the last N revisions kept; keys <prefix>{<app>}:revisions and <prefix>{<app>}:snapshots.",
        parameters = {"url: STRING = redis://127.0.0.1:6379, redis://[user[:password]@]host[:port][/database] or "
                + "rediss://",
            "username: STRING = (none), the ACL user",
            "password: STRING = (none), the password (never shown)", "prefix: STRING = eventflux:, of every key",
            "keep: INT = 3, restorable revisions kept per app, with the revisions incremental ones depend on",
            "timeout: INT = 2000, connect and read timeout in milliseconds"})
public final class RedisPersistenceStoreFactory implements PersistenceStoreFactory {
    private static final System.Logger LOG = System.getLogger(RedisPersistenceStoreFactory.class.getName());
    static final String DEFAULT_PREFIX = "eventflux:";
    static final int DEFAULT_KEEP = 3;
    static final int DEFAULT_TIMEOUT = 2000;
    /** {@code dir} may come from the launcher's {@code --state} for every app, whatever its store. */
    private static final Set<String> KNOWN = Set.of("url", "username", "password", "prefix", "keep", "timeout", "dir");

    @Override
    public PersistenceStore create(Map<String, String> options) {
        Set<String> unknown = new TreeSet<>(options.keySet());
        unknown.removeAll(KNOWN);
        if (!unknown.isEmpty()) {
            LOG.log(Level.WARNING, "persistence store 'redis': ignoring unknown option(s) " + unknown
                    + " (known: url, username, password, prefix, keep, timeout)");
        }
        String url = options.getOrDefault("url", RedisTarget.DEFAULT_URL);
        int keep = positive(options, "keep", DEFAULT_KEEP);
        int timeout = positive(options, "timeout", DEFAULT_TIMEOUT);
        RedisTarget target = RedisTarget.parse(url, options.get("username"), options.get("password"), timeout);
        String prefix = options.getOrDefault("prefix", DEFAULT_PREFIX);
        JedisClientConfig config = DefaultJedisClientConfig.builder().user(target.user()).password(target.password())
                .database(target.database()).ssl(target.tls()).connectionTimeoutMillis(timeout)
                .socketTimeoutMillis(timeout).clientName("eventflux-persistence").build();
        HostAndPort address = new HostAndPort(target.host(), target.port());
        RedisPersistenceStore store = new RedisPersistenceStore(() -> new Jedis(address, config), target, prefix, keep);
        try {
            store.ping();
        } catch (JedisException e) {
            throw new IllegalArgumentException("persistence store 'redis': cannot reach " + target + ": "
                    + target.scrub(e.getMessage()), e);
        }
        return store;
    }

    private static int positive(Map<String, String> options, String key, int fallback) {
        String v = options.get(key);
        if (v == null) {
            return fallback;
        }
        int n;
        try {
            n = Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            n = 0;
        }
        if (n < 1) {
            throw new IllegalArgumentException("persistence store 'redis': option '" + key + "' must be a positive "
                    + "integer, was '" + v + "'");
        }
        return n;
    }
}
