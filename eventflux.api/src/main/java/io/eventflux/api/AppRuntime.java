package io.eventflux.api;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One deployed app. Obtained from {@link EventFlux#deploy}.
 */
@ProviderType
public interface AppRuntime {
    String name();

    /** Current state and waiting/error details. */
    AppInfo info();

    /** The handler of an input stream. @throws IllegalArgumentException naming unknown streams */
    InputHandler inputHandler(String stream);

    /**
     * Registers a callback on a stream (input or output). Close the returned handle to remove it.
     *
     * @throws IllegalArgumentException if the app has no such stream
     */
    AutoCloseable addCallback(String stream, StreamCallback callback);

    /** Every stream of the app (declared, implicit output streams and trigger streams). */
    List<StreamSchema> streams();

    /**
     * The streams some query of the app inserts into (declared or implicit, including
     * {@code OutputStream}), in the order the queries name them. Input-only streams are not listed.
     *
     * @since 1.1
     */
    List<StreamSchema> outputStreams();

    /**
     * Runs an on-demand query against the app's tables at once (SQL.md 3.6):
     * {@code SELECT ... FROM T [WHERE ...] [GROUP BY ...] [HAVING ...] [ORDER BY ...] [LIMIT n] [OFFSET n]}.
     * Aggregates fold the selected rows (one row per group). It runs between the app's chunks, so it sees
     * the table as of one point in the stream.
     *
     * @throws CompileException as for an app (line and column within {@code sql})
     * @since 1.2
     */
    QueryResult query(String sql) throws CompileException;

    /** The schema of one stream. */
    Optional<StreamSchema> stream(String name);

    /**
     * Playback mode only: moves the app's clock forward to {@code time}, firing every timer due at or
     * before it, earliest first, on the caller's thread (inline) or the writer thread.
     *
     * @throws IllegalStateException in wall-clock mode or if time would go backwards
     */
    void advanceTime(long time);

    /** The app's current time (wall clock, or the playback clock). */
    long currentTime();

    /** Graceful shutdown: sources stop, rings drain, rate limiters and sinks flush. Idempotent. */
    void shutdown();
}
