package io.eventflux.persistence.redis.internal;

import org.junit.jupiter.api.Assumptions;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The Redis server of this machine (127.0.0.1:6379). When it does not answer, a test is skipped with a
 * message, and failed when {@code CI=true}.
 */
final class LocalRedis {
    static final String URL = "redis://127.0.0.1:6379";

    private LocalRedis() {
    }

    /** A connection to the server, or the test is skipped (failed on CI). */
    static Jedis connect() {
        Jedis jedis = new Jedis("127.0.0.1", 6379, 2000);
        try {
            jedis.ping();
            return jedis;
        } catch (JedisException e) {
            jedis.close();
            String message = "Redis is not reachable at 127.0.0.1:6379 (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(message + ": CI=true requires it", e);
            }
            Assumptions.abort(message + ": skipped");
            throw new IllegalStateException("unreachable");
        }
    }

    /** Removes every key under the prefix. */
    static void clean(Jedis jedis, String prefix) {
        for (String key : jedis.keys(prefix + "*")) {
            jedis.del(key);
        }
    }
}
