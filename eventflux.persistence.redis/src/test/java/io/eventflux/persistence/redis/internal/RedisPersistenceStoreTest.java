package io.eventflux.persistence.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.store.PersistenceStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/** The redis persistence store against the real Redis of this machine. */
class RedisPersistenceStoreTest {
    private static final String PREFIX = "ef-test:store:";
    private Jedis redis;

    @BeforeEach
    void connect() {
        redis = LocalRedis.connect();
        LocalRedis.clean(redis, PREFIX);
    }

    @AfterEach
    void cleanUp() {
        if (redis != null) {
            LocalRedis.clean(redis, PREFIX);
            redis.close();
        }
    }

    private static PersistenceStore store(String prefix, int keep) {
        return new RedisPersistenceStoreFactory().create(Map.of("url", LocalRedis.URL, "prefix", prefix,
                "keep", String.valueOf(keep)));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void savesAndLoadsInOrderKeepsTheLastNAndNamespacesKeysPerApp() throws IOException {
        PersistenceStore store = store(PREFIX, 3);
        assertThat(store.revisions("Shop")).isEmpty();
        assertThat(store.lastRevision("Shop")).isEmpty();
        for (int i = 1; i <= 5; i++) {
            store.save("Shop", "000" + i, bytes("state " + i));
        }
        store.save("Other", "0001", bytes("other"));

        assertThat(store.revisions("Shop")).containsExactly("0003", "0004", "0005");
        assertThat(store.lastRevision("Shop")).contains("0005");
        assertThat(text(store.load("Shop", "0004").orElseThrow())).isEqualTo("state 4");
        assertThat(store.load("Shop", "0001")).as("pruned").isEmpty();
        assertThat(redis.hkeys(PREFIX + "{Shop}:snapshots")).containsExactlyInAnyOrder("0003", "0004", "0005");
        assertThat(redis.keys(PREFIX + "*")).containsExactlyInAnyOrder(PREFIX + "{Shop}:revisions",
                PREFIX + "{Shop}:snapshots", PREFIX + "{Other}:revisions", PREFIX + "{Other}:snapshots");

        byte[] big = new byte[1 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        store.save("Shop", "0006", big);
        assertThat(store.load("Shop", "0006").orElseThrow()).isEqualTo(big);

        store.clear("Shop");
        assertThat(store.revisions("Shop")).isEmpty();
        assertThat(redis.exists(PREFIX + "{Shop}:snapshots")).isFalse();
        assertThat(store.revisions("Other")).containsExactly("0001");
    }

    @Test
    void aRevisionSavedAgainIsReplacedAndPrefixesAreSeparateNamespaces() throws IOException {
        PersistenceStore a = store(PREFIX + "a:", 3);
        PersistenceStore b = store(PREFIX + "b:", 3);
        a.save("Shop", "0001", bytes("first"));
        a.save("Shop", "0001", bytes("replaced"));
        b.save("Shop", "0001", bytes("other namespace"));

        assertThat(a.revisions("Shop")).containsExactly("0001");
        assertThat(text(a.load("Shop", "0001").orElseThrow())).isEqualTo("replaced");
        assertThat(text(b.load("Shop", "0001").orElseThrow())).isEqualTo("other namespace");
    }

    @Test
    void aCorruptTruncatedOrForeignValueIsReportedNamingStoreAppRevisionAndKey() throws IOException {
        PersistenceStore store = store(PREFIX, 3);
        store.save("Shop", "0001", bytes("good state"));
        store.save("Shop", "0002", bytes("newer state"));
        byte[] key = bytes(PREFIX + "{Shop}:snapshots");
        byte[] raw = redis.hget(key, bytes("0002"));
        raw[raw.length - 1] ^= 0x01;
        redis.hset(key, bytes("0002"), raw);

        String what = "persistence store 'redis': revision 0002 of app 'Shop' (hash " + PREFIX
                + "{Shop}:snapshots at redis://127.0.0.1:6379/0)";
        assertThatThrownBy(() -> store.load("Shop", "0002")).isInstanceOf(IOException.class)
                .hasMessage(what + " is corrupt: its CRC32 checksum does not match");
        assertThat(text(store.load("Shop", "0001").orElseThrow())).isEqualTo("good state");

        redis.hset(key, bytes("0002"), Arrays.copyOf(raw, raw.length - 3));
        assertThatThrownBy(() -> store.load("Shop", "0002")).hasMessage(what + " is truncated: 8 of 11 bytes");
        redis.hset(key, bytes("0002"), bytes("just some text, not a snapshot"));
        assertThatThrownBy(() -> store.load("Shop", "0002"))
                .hasMessage(what + " is not an EventFlux snapshot (bad magic number)");
    }

    /** A save checks the keys first: a key of another type fails it, and nothing is written. */
    @Test
    void aSaveOverAKeyOfAnotherTypeFailsWholeNamingTheKey() throws IOException {
        PersistenceStore store = store(PREFIX, 3);
        redis.set(PREFIX + "{Shop}:revisions", "someone else's string");

        assertThatThrownBy(() -> store.save("Shop", "0001", bytes("state"))).isInstanceOf(IOException.class)
                .hasMessage("persistence store 'redis': key " + PREFIX + "{Shop}:revisions at redis://127.0.0.1:6379/0 "
                        + "is a string, not a zset; refused to write over it");
        assertThat(redis.exists(PREFIX + "{Shop}:snapshots")).as("nothing half-written").isFalse();
        assertThat(redis.get(PREFIX + "{Shop}:revisions")).isEqualTo("someone else's string");
    }

    /** Old revisions go only when no kept revision depends on them (RevisionChain names: ID-BASE). */
    @Test
    void pruningKeepsTheRevisionsThatKeptIncrementalOnesDependOn() throws IOException {
        PersistenceStore store = store(PREFIX, 2);
        store.save("Shop", "001", bytes("full 1"));
        store.save("Shop", "002-001", bytes("delta 2"));
        store.save("Shop", "003-001", bytes("delta 3"));
        assertThat(store.revisions("Shop")).as("both kept deltas need 001").containsExactly("001", "002-001",
                "003-001");
        store.save("Shop", "004", bytes("full 4"));
        assertThat(store.revisions("Shop")).containsExactly("001", "003-001", "004");
        assertThat(redis.hkeys(PREFIX + "{Shop}:snapshots")).containsExactlyInAnyOrder("001", "003-001", "004");
        store.save("Shop", "005-004", bytes("delta 5"));
        assertThat(store.revisions("Shop")).containsExactly("004", "005-004");
    }

    /** Another client changes a watched key between the read and EXEC: nothing is written, and the save runs again. */
    @Test
    void aSaveThatLosesARaceIsAppliedWholeOnTheNextAttempt() throws IOException {
        int[] interferences = {0};
        RedisTarget target = RedisTarget.parse(LocalRedis.URL, null, null, 2000);
        RedisPersistenceStore store = new RedisPersistenceStore(() -> new Jedis("127.0.0.1", 6379, 2000) {
            @Override
            public redis.clients.jedis.Transaction multi() {
                if (interferences[0]++ == 0) {
                    redis.zadd(PREFIX + "{Shop}:revisions", 0, "0000-other");
                }
                return super.multi();
            }
        }, target, PREFIX, 5);
        store.save("Shop", "0001", bytes("state"));

        assertThat(interferences[0]).as("a second attempt").isEqualTo(2);
        assertThat(store.revisions("Shop")).containsExactly("0000-other", "0001");
        assertThat(text(store.load("Shop", "0001").orElseThrow())).isEqualTo("state");
    }
}
