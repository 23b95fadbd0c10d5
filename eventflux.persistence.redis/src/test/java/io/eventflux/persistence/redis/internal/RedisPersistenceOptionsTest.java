package io.eventflux.persistence.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options the store refuses before it connects, and passwords that no message shows. */
class RedisPersistenceOptionsTest {
    private final RedisPersistenceStoreFactory factory = new RedisPersistenceStoreFactory();

    @Test
    void badUrlsAndNumbersAreRefusedClearly() {
        assertThatThrownBy(() -> factory.create(Map.of("url", "http://127.0.0.1:6379")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("persistence store 'redis': option 'url' must be redis://[user[:password]@]host[:port]"
                        + "[/database] (or rediss://), was 'http://127.0.0.1:6379': the scheme must be redis:// or "
                        + "rediss://");
        assertThatThrownBy(() -> factory.create(Map.of("url", "redis://127.0.0.1:6379/zero")))
                .hasMessageContaining("the path must be a database number");
        assertThatThrownBy(() -> factory.create(Map.of("keep", "0")))
                .hasMessage("persistence store 'redis': option 'keep' must be a positive integer, was '0'");
        assertThatThrownBy(() -> factory.create(Map.of("timeout", "soon")))
                .hasMessage("persistence store 'redis': option 'timeout' must be a positive integer, was 'soon'");
    }

    @Test
    void theUrlGivesHostPortDatabaseAndCredentialsUnderTheOptions() {
        RedisTarget t = RedisTarget.parse("rediss://ann:p%40ss@cache.example:6380/2", null, null, 100);
        assertThat(t).isEqualTo(new RedisTarget("cache.example", 6380, 2, true, "ann", "p@ss", 100));
        assertThat(RedisTarget.parse("redis://:pw@h", "bob", "other", 100))
                .isEqualTo(new RedisTarget("h", 6379, 0, false, "bob", "other", 100));
        assertThat(t.toString()).isEqualTo("rediss://cache.example:6380/2 as ann (password ***)");
        assertThat(RedisTarget.mask("redis://ann:secret@h:1/0")).isEqualTo("redis://ann:***@h:1/0");
    }

    /** Nothing listens on port 1: the failure names the server, never the password. */
    @Test
    void anUnreachableServerIsNamedWithThePasswordMasked() {
        assertThatThrownBy(() -> factory.create(Map.of("url", "redis://ann:s3cr3t-pw@127.0.0.1:1/0", "timeout", "500")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("persistence store 'redis': cannot reach redis://127.0.0.1:1/0 as ann "
                        + "(password ***): ")
                .hasMessageNotContaining("s3cr3t-pw");
        assertThatThrownBy(() -> factory.create(Map.of("url", "redis://127.0.0.1:1", "password", "s3cr3t-pw",
                "timeout", "500"))).hasMessageNotContaining("s3cr3t-pw");
        assertThatThrownBy(() -> factory.create(Map.of("url", "redis://ann:s3cr3t-pw@127.0.0.1:6379/x")))
                .hasMessageContaining("'redis://ann:***@127.0.0.1:6379/x'").hasMessageNotContaining("s3cr3t-pw");
    }

    /** A server that cannot be asked is no reason to restore an older revision: load fails unchecked. */
    @Test
    void aLoadThatCannotReachTheServerFailsUncheckedNotAsACorruptRevision() {
        RedisTarget target = RedisTarget.parse("redis://127.0.0.1:1", null, null, 500);
        RedisPersistenceStore store = new RedisPersistenceStore(
                () -> new redis.clients.jedis.Jedis("127.0.0.1", 1, 500), target, "p:", 3);
        assertThatThrownBy(() -> store.load("Shop", "0001")).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("persistence store 'redis': loading revision 0001 of app 'Shop' at "
                        + "redis://127.0.0.1:1/0 failed: ");
    }
}
