package io.eventflux.shell.internal;

import io.eventflux.api.CompileException;
import io.eventflux.api.Event;
import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.QueryResult;
import io.eventflux.api.management.AppStats;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.eventflux.api.management.RuntimeStats;
import io.eventflux.api.management.SnapshotInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The {@code eventflux:} Gogo commands, over the {@link EventFluxManagement} service. They return the
 * management records (rendered as tables by {@link ResultConverter}). Arguments with spaces, semicolons,
 * braces or brackets (SQL, JSON) must be quoted, with single quotes: {@code send trades Trades '{"sym":"A"}'}.
 */
@Component(service = EventFluxCommands.class, property = {
        "osgi.command.scope=eventflux",
        "osgi.command.function=apps", "osgi.command.function=deploy", "osgi.command.function=undeploy",
        "osgi.command.function=status", "osgi.command.function=send", "osgi.command.function=trace",
        "osgi.command.function=query", "osgi.command.function=extensions", "osgi.command.function=stats",
        "osgi.command.function=snapshot", "osgi.command.function=snapshots", "osgi.command.function=restore"})
public final class EventFluxCommands {
    private final EventFluxManagement management;

    @Activate
    public EventFluxCommands(@Reference EventFluxManagement management) {
        this.management = management;
    }

    @Descriptor("list the deployed apps: state, uptime, restarts, what they wait for")
    public List<AppSummary> apps() {
        return management.apps();
    }

    @Descriptor("deploy an app from a .sql file or from SQL text (quote it); an app missing extensions waits for them")
    public AppSummary deploy(CommandSession session, @Descriptor("a .sql file, or SQL text") String fileOrSql)
            throws CompileException, IOException {
        return management.deploy(sql(session, fileOrSql));
    }

    /** The file's text when the argument names a file (relative to the session's directory), else the argument. */
    static String sql(CommandSession session, String fileOrSql) throws IOException {
        Path path;
        try {
            path = Path.of(fileOrSql);
            if (!path.isAbsolute() && session != null && session.currentDir() != null) {
                path = session.currentDir().resolve(path);
            }
        } catch (InvalidPathException notAPath) {
            return fileOrSql;
        }
        if (Files.isRegularFile(path)) {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        if (fileOrSql.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".sql") && !fileOrSql.contains(" ")) {
            throw new IOException("no such file: " + path);
        }
        return fileOrSql;
    }

    @Descriptor("stop an app gracefully and remove it")
    public String undeploy(@Descriptor("app name") String app) {
        if (!management.undeploy(app)) {
            throw new IllegalArgumentException("no app '" + app + "' is deployed; apps: "
                    + management.apps().stream().map(AppSummary::name).toList());
        }
        return "undeployed " + app;
    }

    @Descriptor("an app's state, streams with their counters, queries and snapshot revisions")
    public AppStatus status(@Descriptor("app name") String app) {
        return management.status(app);
    }

    @Descriptor("send events into a stream, as JSON (quote it): an object by attribute names, an array in schema order, or an array of those")
    public String send(@Descriptor("app name") String app, @Descriptor("stream") String stream,
            @Descriptor("event(s) as JSON") String json) {
        int n = management.send(app, stream, json);
        return "sent " + n + (n == 1 ? " event" : " events") + " to " + app + "/" + stream;
    }

    @Descriptor("print the next event of a stream")
    public List<Event> trace(
            @Parameter(names = {"-t", "--timeout"}, absentValue = "60") @Descriptor("seconds to wait at most") long timeout,
            @Descriptor("app name") String app, @Descriptor("stream") String stream) throws InterruptedException {
        return trace(timeout, app, stream, 1);
    }

    @Descriptor("print the next N events of a stream, then return")
    public List<Event> trace(
            @Parameter(names = {"-t", "--timeout"}, absentValue = "60") @Descriptor("seconds to wait at most") long timeout,
            @Descriptor("app name") String app, @Descriptor("stream") String stream,
            @Descriptor("how many events") int count) throws InterruptedException {
        return management.trace(app, stream, count, Duration.ofSeconds(timeout));
    }

    @Descriptor("run an on-demand query against an app's tables (quote it)")
    public QueryResult query(@Descriptor("app name") String app, @Descriptor("SELECT ... FROM table ...") String sql)
            throws CompileException {
        return management.query(app, sql);
    }

    @Descriptor("list the available extensions with their parameters")
    public List<ExtensionInfo> extensions() {
        return management.extensions(null);
    }

    @Descriptor("list the available extensions of one type (window, aggregator, function, source, sink, mapper, table-store)")
    public List<ExtensionInfo> extensions(@Descriptor("extension type") String type) {
        return management.extensions(type);
    }

    @Descriptor("numbers of the runtime and of every app")
    public RuntimeStats stats() {
        return management.stats();
    }

    @Descriptor("numbers of one app: events in and out, drops, errors, ring fill")
    public AppStats stats(@Descriptor("app name") String app) {
        return management.stats(app);
    }

    @Descriptor("snapshot a running app's state as a new revision (in its persistence store, else in memory)")
    public SnapshotInfo snapshot(@Descriptor("app name") String app) {
        return management.snapshot(app);
    }

    @Descriptor("list an app's snapshot revisions, oldest first")
    public java.util.List<SnapshotInfo> snapshots(@Descriptor("app name") String app) {
        return management.snapshots(app);
    }

    @Descriptor("restore an app's latest snapshot revision")
    public SnapshotInfo restore(@Descriptor("app name") String app) {
        return management.restore(app, null);
    }

    @Descriptor("restore one snapshot revision of an app")
    public SnapshotInfo restore(@Descriptor("app name") String app, @Descriptor("revision") String revision) {
        return management.restore(app, revision);
    }
}
