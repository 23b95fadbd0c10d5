package io.eventflux.api.management;

import io.eventflux.api.CompileException;
import io.eventflux.api.DeployOptions;
import io.eventflux.api.Event;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.QueryResult;
import io.eventflux.api.StreamCallback;
import java.time.Duration;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Operates the apps of one EventFlux runtime: what the Gogo commands and the REST API call. The engine
 * registers it as a service next to {@link io.eventflux.api.EventFlux}; outside OSGi the engine's
 * {@code EventFluxRuntime#management()} returns one.
 *
 * <p>Errors: every method taking an app name throws {@link IllegalArgumentException} naming the app and
 * listing the deployed ones when no app has that name, and naming the stream (with the app's streams) for
 * an unknown stream. Methods that need a running app throw {@link IllegalStateException} saying the app's
 * state (and what it waits for) otherwise.
 *
 * <p>Snapshots: an app with a persistence store ({@code persistence.*} options; every app of
 * {@code eventflux server} by default) keeps its revisions there: {@link #snapshot} saves one,
 * {@link #snapshots} lists the store's, {@link #restore} loads one, also after a restart. Other apps keep
 * them in memory only, the last {@link #KEPT_REVISIONS}, lost when the app is undeployed or the runtime
 * stops.
 *
 * <p>Threading: safe to call from any thread.
 */
@ProviderType
public interface EventFluxManagement {
    /** How many in-memory snapshot revisions are kept per app; older ones are forgotten. */
    int KEPT_REVISIONS = 10;

    /** Every deployed app, in deploy order. */
    List<AppSummary> apps();

    /** One app's lifecycle, streams with their counters, queries and snapshot revisions. */
    AppStatus status(String app);

    /** One app's numbers. */
    AppStats stats(String app);

    /** The numbers of the runtime and of every app. */
    RuntimeStats stats();

    /**
     * Compiles and deploys an app with {@link DeployOptions#defaults()}; an app whose extensions are
     * missing is deployed WAITING (see {@link AppSummary#waitingFor()}).
     *
     * @throws CompileException when the SQL does not compile for another reason than missing extensions
     * @throws IllegalStateException when an app of that name is deployed already
     */
    AppSummary deploy(String sql) throws CompileException;

    /** As {@link #deploy(String)}, with options. */
    AppSummary deploy(String sql, DeployOptions options) throws CompileException;

    /**
     * Stops (gracefully) and removes an app with its in-memory snapshot revisions; a persisted app saves
     * its state at the stop and its stored revisions stay. False if none had that name.
     */
    boolean undeploy(String app);

    /**
     * Sends events written as JSON into a stream: an object by attribute names ({@code {"sym":"A","p":1.5}};
     * missing attributes are null), an array of values in schema order ({@code ["A", 1.5]}), or an array of
     * such objects or arrays (several events, sent as one chunk). Numbers are converted to the attribute's
     * type when that loses nothing.
     *
     * @return how many events were sent
     * @throws IllegalArgumentException for malformed JSON (with its position), an unknown attribute, or a
     *     value of the wrong type, naming the stream, attribute and value
     */
    int send(String app, String stream, String json);

    /** Sends one event, values in schema order, stamped with the app's current time. */
    void send(String app, String stream, Object[] data);

    /**
     * Calls {@code listener} with every chunk published into a stream from now on (on the app's writer
     * thread: return quickly), across restarts of the app, until the returned handle is closed.
     */
    AutoCloseable trace(String app, String stream, StreamCallback listener);

    /**
     * Waits for the next {@code count} events of a stream and returns them, or those that came before
     * {@code timeout} elapsed (possibly none).
     *
     * @throws InterruptedException if the waiting thread is interrupted (the subscription is removed)
     */
    List<Event> trace(String app, String stream, int count, Duration timeout) throws InterruptedException;

    /**
     * Runs an on-demand query against the app's tables ({@link io.eventflux.api.AppRuntime#query}).
     *
     * @throws CompileException for an invalid query (positions within {@code sql})
     */
    QueryResult query(String app, String sql) throws CompileException;

    /** Takes a snapshot of a running app's state and keeps it as a new revision. */
    SnapshotInfo snapshot(String app);

    /** The revisions kept for an app, oldest first. */
    List<SnapshotInfo> snapshots(String app);

    /**
     * Puts a running app's state back to a revision, all of it or nothing: a revision taken from another
     * version of the app (its queries or streams changed) is refused, naming it.
     *
     * @param revision a revision id from {@link #snapshot(String)}, or null for the latest
     * @return the revision restored
     * @throws IllegalArgumentException for an unknown revision, listing the kept ones
     */
    SnapshotInfo restore(String app, String revision);

    /** The extensions available, of one type ({@code window}, {@code function}, ...) or all (null). */
    List<ExtensionInfo> extensions(String type);
}
