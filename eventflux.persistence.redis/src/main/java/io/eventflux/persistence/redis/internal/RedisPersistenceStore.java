package io.eventflux.persistence.redis.internal;

import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.RevisionChain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Transaction;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Revisions in two keys per app, sharing the hash tag {@code {app}} (one cluster slot):
 * {@code <prefix>{<app>}:revisions}, a sorted set of the revision names (score 0, so they sort by name),
 * and {@code <prefix>{<app>}:snapshots}, a hash from revision to the framed snapshot (magic, format
 * version, payload length, CRC32 of the payload, then the payload). A save WATCHes both keys, checks
 * their types, reads the revisions and then, in one MULTI/EXEC transaction, writes the revision and removes
 * those {@link RevisionChain#removable} allows past the newest {@code keep} (never one a kept incremental
 * revision depends on); Redis applies the transaction whole, or not at all when a watched key changed in
 * between (then the save is tried again), so readers see the old set of revisions or the new one. Each
 * operation opens its own connection ({@link Connector}): saves are seconds apart, and a server restarted
 * in between costs nothing.
 */
final class RedisPersistenceStore implements PersistenceStore {
    static final int MAGIC = 0x45465053; // "EFPS", as the file store's header
    static final int VERSION = 1;
    static final int HEADER = 4 + 4 + 4 + 8;
    private static final Pattern REVISION = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Saves that lost a race (a watched key changed before EXEC) are tried again this many times in all. */
    static final int ATTEMPTS = 5;

    /** Opens a connection to the server (authenticated, database selected). */
    @FunctionalInterface
    interface Connector {
        Jedis open();
    }

    private final Connector connector;
    private final RedisTarget target;
    private final String prefix;
    private final int keep;

    RedisPersistenceStore(Connector connector, RedisTarget target, String prefix, int keep) {
        this.connector = connector;
        this.target = target;
        this.prefix = prefix;
        this.keep = keep;
    }

    String revisionsKey(String app) {
        return prefix + "{" + app + "}:revisions";
    }

    String snapshotsKey(String app) {
        return prefix + "{" + app + "}:snapshots";
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void checkApp(String app) {
        if (app == null || app.isEmpty()) {
            throw new IllegalArgumentException("persistence store 'redis': an app name is required");
        }
    }

    private static void checkRevision(String revision) {
        if (revision == null || !REVISION.matcher(revision).matches()) {
            throw new IllegalArgumentException("persistence store 'redis': revision '" + revision
                    + "' must be 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    private IOException failure(String what, RuntimeException e) {
        return new IOException("persistence store 'redis': " + what + " at " + target.where() + " failed: "
                + target.scrub(e.getMessage()), e);
    }

    /** Checks that the server answers (with the credentials and database given). */
    void ping() {
        try (Jedis jedis = connector.open()) {
            jedis.ping();
        }
    }

    static byte[] frame(byte[] snapshot) {
        CRC32 crc = new CRC32();
        crc.update(snapshot);
        return ByteBuffer.allocate(HEADER + snapshot.length).putInt(MAGIC).putInt(VERSION).putInt(snapshot.length)
                .putLong(crc.getValue()).put(snapshot).array();
    }

    @Override
    public void save(String app, String revision, byte[] snapshot) throws IOException {
        checkApp(app);
        checkRevision(revision);
        byte[] framed = frame(snapshot);
        try {
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                if (trySave(app, revision, framed)) {
                    return;
                }
            }
        } catch (JedisException e) {
            throw failure("saving revision " + revision + " of app '" + app + "'", e);
        }
        throw new IOException("persistence store 'redis': saving revision " + revision + " of app '" + app + "' at "
                + target.where() + " failed: its keys kept changing under " + ATTEMPTS + " attempts (another "
                + "runtime saving the same app?)");
    }

    /**
     * WATCH, check the key types and read the revisions, then one MULTI/EXEC: write the revision, drop those
     * {@link RevisionChain#removable} says. False when a watched key changed meanwhile (nothing written).
     */
    private boolean trySave(String app, String revision, byte[] framed) throws IOException {
        String index = revisionsKey(app);
        String data = snapshotsKey(app);
        try (Jedis jedis = connector.open()) {
            jedis.watch(index, data);
            requireType(jedis, index, "zset");
            requireType(jedis, data, "hash");
            List<String> all = new ArrayList<>(jedis.zrange(index, 0, -1));
            if (!all.contains(revision)) {
                all.add(revision);
            }
            Collections.sort(all);
            List<String> removable = RevisionChain.removable(all, keep);
            Transaction tx = jedis.multi();
            tx.hset(utf8(data), utf8(revision), framed);
            tx.zadd(index, 0, revision);
            if (!removable.isEmpty()) {
                String[] old = removable.toArray(new String[0]);
                tx.hdel(data, old);
                tx.zrem(index, old);
            }
            List<Object> replies = tx.exec();
            if (replies == null || replies.isEmpty()) {
                return false; // aborted: a watched key changed
            }
            for (Object reply : replies) {
                if (reply instanceof Exception e) {
                    throw new IOException("persistence store 'redis': saving revision " + revision + " of app '" + app
                            + "' at " + target.where() + " failed: " + target.scrub(e.getMessage()), e);
                }
            }
            return true;
        }
    }

    private void requireType(Jedis jedis, String key, String want) throws IOException {
        String type = jedis.type(key);
        if (!type.equals("none") && !type.equals(want)) {
            jedis.unwatch();
            throw new IOException("persistence store 'redis': key " + key + " at " + target.where() + " is a " + type
                    + ", not a " + want + "; refused to write over it");
        }
    }

    /**
     * @throws IOException naming the store, app, revision and key when the value is not a framed
     *     snapshot, truncated or its checksum fails (the engine then restores the revision before it)
     * @throws UncheckedIOException when the server cannot be asked (down, refused, timed out): not a reason
     *     to restore an older revision, or none, so the app's start fails instead
     */
    @Override
    public Optional<byte[]> load(String app, String revision) throws IOException {
        checkApp(app);
        checkRevision(revision);
        byte[] value;
        try (Jedis jedis = connector.open()) {
            value = jedis.hget(utf8(snapshotsKey(app)), utf8(revision));
        } catch (JedisException e) {
            IOException io = failure("loading revision " + revision + " of app '" + app + "'", e);
            throw new UncheckedIOException(io.getMessage(), io);
        }
        if (value == null) {
            return Optional.empty();
        }
        String what = "persistence store 'redis': revision " + revision + " of app '" + app + "' (hash "
                + snapshotsKey(app) + " at " + target.where() + ")";
        if (value.length < HEADER) {
            throw new IOException(what + " is truncated (incomplete header)");
        }
        ByteBuffer in = ByteBuffer.wrap(value);
        if (in.getInt() != MAGIC) {
            throw new IOException(what + " is not an EventFlux snapshot (bad magic number)");
        }
        int version = in.getInt();
        if (version != VERSION) {
            throw new IOException(what + " has format version " + version + "; this store reads " + VERSION);
        }
        int length = in.getInt();
        long expected = in.getLong();
        if (length < 0 || length != in.remaining()) {
            throw new IOException(what + " is truncated: " + in.remaining() + " of " + length + " bytes");
        }
        byte[] payload = new byte[length];
        in.get(payload);
        CRC32 crc = new CRC32();
        crc.update(payload);
        if (crc.getValue() != expected) {
            throw new IOException(what + " is corrupt: its CRC32 checksum does not match");
        }
        return Optional.of(payload);
    }

    @Override
    public Optional<String> lastRevision(String app) throws IOException {
        List<String> all = revisions(app);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    @Override
    public List<String> revisions(String app) throws IOException {
        checkApp(app);
        List<String> out;
        try (Jedis jedis = connector.open()) {
            out = new ArrayList<>(jedis.zrange(revisionsKey(app), 0, -1));
        } catch (JedisException e) {
            throw failure("listing the revisions of app '" + app + "'", e);
        }
        Collections.sort(out);
        return out;
    }

    @Override
    public void clear(String app) throws IOException {
        checkApp(app);
        try (Jedis jedis = connector.open()) {
            jedis.del(revisionsKey(app), snapshotsKey(app));
        } catch (JedisException e) {
            throw failure("removing the revisions of app '" + app + "'", e);
        }
    }

    @Override
    public String toString() {
        return "redis persistence store (" + target + ", keys " + prefix + "{app}:..., keep " + keep + ")";
    }
}
