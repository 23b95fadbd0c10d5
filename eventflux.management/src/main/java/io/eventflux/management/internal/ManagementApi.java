package io.eventflux.management.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.eventflux.api.AppState;
import io.eventflux.api.Attribute;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.QueryResult;
import io.eventflux.api.management.AppStatus;
import io.eventflux.api.management.AppSummary;
import io.eventflux.api.management.EventFluxManagement;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoints, independent of the HTTP server: each takes the request's parts and returns a
 * {@link Reply}. JSON bodies are the {@code io.eventflux.api.management} records as Jackson writes them
 * (the same DTOs the Gogo commands render as tables).
 */
final class ManagementApi {
    private final EventFluxManagement management;
    private final AppDeployer deployer;
    private final DeployFolder folder;
    private final ObjectMapper json = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter prometheus = PrometheusTextFormatWriter.create();

    ManagementApi(EventFluxManagement management, AppDeployer deployer, DeployFolder folder) {
        this.management = management;
        this.deployer = deployer;
        this.folder = folder;
        registry.register(new MetricsCollector(management, () -> folder.problems().size()));
    }

    /** Dispatches one request. {@code segments} is the decoded path split on '/', without empty parts. */
    Reply handle(String method, List<String> segments, String body) throws HttpError {
        String first = segments.isEmpty() ? "" : segments.get(0);
        return switch (first) {
            case "health" -> only(method, "GET", segments, 1, this::health);
            case "ready" -> only(method, "GET", segments, 1, this::ready);
            case "metrics" -> only(method, "GET", segments, 1, this::metrics);
            case "api" -> api(method, segments.subList(1, segments.size()), body);
            default -> throw new HttpError(404, "no such endpoint (try /health, /ready, /metrics, /api/apps, /api/extensions)");
        };
    }

    /** Whether the endpoint needs the bearer token (probes do not). */
    static boolean protectedPath(List<String> segments) {
        return !(segments.size() == 1 && (segments.get(0).equals("health") || segments.get(0).equals("ready")));
    }

    private interface Route {
        Reply run() throws HttpError;
    }

    private Reply only(String method, String allowed, List<String> segments, int size, Route route) throws HttpError {
        if (segments.size() != size) {
            throw new HttpError(404, "no such endpoint");
        }
        if (!method.equals(allowed)) {
            throw new HttpError(405, method + " is not allowed here (" + allowed + ")");
        }
        return route.run();
    }

    private Reply health() {
        return ok(Map.of("status", "UP"));
    }

    /**
     * 200 when every app is RUNNING or intentionally stopped (STOPPED) and every {@code *.sql} file of the
     * deploy folder has an app; 503 with the reasons otherwise (WAITING, FAILED, a new file that does not compile).
     */
    private Reply ready() {
        List<String> reasons = new ArrayList<>();
        for (AppSummary app : management.apps()) {
            if (app.state() == AppState.WAITING) {
                reasons.add("app '" + app.name() + "' is WAITING for " + String.join(", ", app.waitingFor()));
            } else if (app.state() == AppState.FAILED) {
                reasons.add("app '" + app.name() + "' FAILED: " + app.error());
            }
        }
        // a file whose previous version still runs is a warning (the app serves); one whose app never
        // came up is a reason
        List<String> warnings = new ArrayList<>();
        for (DeployFolder.FileApp file : folder.problems()) {
            (deployer.exists(file.app()) ? warnings : reasons).add(file.problem());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", reasons.isEmpty() ? "READY" : "NOT_READY");
        body.put("reasons", reasons);
        body.put("warnings", warnings);
        return Reply.json(reasons.isEmpty() ? 200 : 503, write(body));
    }

    private Reply metrics() throws HttpError {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            prometheus.write(out, registry.scrape());
        } catch (IOException e) {
            throw new HttpError(500, "cannot write the metrics: " + e);
        }
        return new Reply(200, prometheus.getContentType(), out.toByteArray());
    }

    private Reply api(String method, List<String> path, String body) throws HttpError {
        if (path.isEmpty()) {
            throw new HttpError(404, "no such endpoint (try /api/apps, /api/extensions, /api/stats)");
        }
        switch (path.get(0)) {
            case "extensions":
                if (path.size() > 2) {
                    throw new HttpError(404, "no such endpoint");
                }
                return only(method, "GET", path, path.size(), () -> ok(management.extensions(path.size() == 2 ? path.get(1) : null)));
            case "stats":
                return only(method, "GET", path, 1, () -> ok(management.stats()));
            case "apps":
                return apps(method, path.subList(1, path.size()), body);
            default:
                throw new HttpError(404, "no such endpoint /api/" + path.get(0));
        }
    }

    private Reply apps(String method, List<String> path, String body) throws HttpError {
        if (path.isEmpty()) {
            return only(method, "GET", path, 0, () -> {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("apps", management.apps());
                out.put("deployProblems", folder.problems());
                return ok(out);
            });
        }
        String app = path.get(0);
        if (path.size() == 1) {
            return switch (method) {
                case "GET" -> status(app);
                case "PUT" -> deploy(app, body);
                case "DELETE" -> {
                    if (!deployer.undeploy(app)) {
                        throw unknownApp(app);
                    }
                    yield Reply.empty(204);
                }
                default -> throw new HttpError(405, method + " is not allowed on an app (GET, PUT, DELETE)");
            };
        }
        if (path.size() == 2 && path.get(1).equals("query")) {
            return only(method, "POST", path, 2, () -> query(app, body));
        }
        if (path.size() == 2 && path.get(1).equals("stats")) {
            return only(method, "GET", path, 2, () -> call(app, () -> management.stats(app)));
        }
        if (path.size() == 2 && path.get(1).equals("snapshots")) {
            return switch (method) {
                case "GET" -> call(app, () -> management.snapshots(app));
                case "POST" -> call(app, () -> management.snapshot(app));
                default -> throw new HttpError(405, method + " is not allowed on snapshots (GET lists, POST takes one)");
            };
        }
        if (path.size() == 2 && path.get(1).equals("restore")) {
            String revision = body == null || body.isBlank() ? null : body.trim();
            return only(method, "POST", path, 2, () -> call(app, () -> management.restore(app, revision)));
        }
        if (path.size() == 3 && path.get(1).equals("streams")) {
            String stream = path.get(2);
            return only(method, "POST", path, 3, () -> call(app, () -> Map.of("sent", management.send(app, stream, body))));
        }
        throw new HttpError(404, "no such endpoint under /api/apps/" + app
                + " (query, stats, snapshots, restore, streams/STREAM)");
    }

    private Reply status(String app) throws HttpError {
        String problem = folder.problemOf(app);
        if (!deployer.exists(app)) {
            if (problem != null) {
                throw new HttpError(404, "app '" + app + "' is not deployed: " + problem);
            }
            throw unknownApp(app);
        }
        AppStatus status = management.status(app);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", status.summary());
        out.put("streams", status.streams());
        out.put("queries", status.queries());
        out.put("snapshots", status.snapshots());
        out.put("deployProblem", problem);
        return ok(out);
    }

    private Reply deploy(String app, String sql) throws HttpError {
        if (sql == null || sql.isBlank()) {
            throw new HttpError(400, "PUT /api/apps/" + app + " needs the app's SQL as the request body");
        }
        try {
            AppDeployer.Deployed deployed = deployer.deploy(app, sql);
            return Reply.json(deployed.replaced() ? 200 : 201, write(deployed.summary()));
        } catch (CompileException e) {
            throw compileError("app '" + app + "' does not compile" + (deployer.exists(app)
                    ? " (the deployed version keeps running)" : ""), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new HttpError(409, e.getMessage());
        }
    }

    private Reply query(String app, String sql) throws HttpError {
        if (sql == null || sql.isBlank()) {
            throw new HttpError(400, "POST /api/apps/" + app + "/query needs an on-demand query as the request body");
        }
        return call(app, () -> {
            try {
                QueryResult result = management.query(app, sql);
                List<String> columns = result.schema().attributes().stream().map(Attribute::name).toList();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Object[] row : result.rows()) {
                    Map<String, Object> values = new LinkedHashMap<>();
                    for (int i = 0; i < columns.size(); i++) {
                        values.put(columns.get(i), row[i]);
                    }
                    rows.add(values);
                }
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("columns", columns);
                out.put("rows", rows);
                return out;
            } catch (CompileException e) {
                throw compileError("the query does not compile", e);
            }
        });
    }

    private interface Call {
        Object run() throws HttpError;
    }

    /** Runs a management call on one app, turning its documented exceptions into 404, 400 and 409. */
    private Reply call(String app, Call call) throws HttpError {
        try {
            return ok(call.run());
        } catch (IllegalArgumentException e) {
            if (!deployer.exists(app)) {
                throw unknownApp(app);
            }
            throw new HttpError(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new HttpError(409, e.getMessage());
        }
    }

    private HttpError unknownApp(String app) {
        List<String> names = management.apps().stream().map(AppSummary::name).toList();
        return new HttpError(404, "no app named '" + app + "' (deployed: " + (names.isEmpty() ? "none" : String.join(", ", names)) + ")");
    }

    private static HttpError compileError(String message, CompileException e) {
        List<Map<String, Object>> errors = new ArrayList<>();
        for (CompileError error : e.errors()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("line", error.line());
            entry.put("column", error.column());
            entry.put("message", error.message());
            entry.put("offendingName", error.offendingName());
            entry.put("suggestion", error.suggestion());
            entry.put("text", error.format());
            errors.add(entry);
        }
        return new HttpError(400, message + ": " + e.getMessage(), Map.of("errors", errors));
    }

    private Reply ok(Object value) {
        return Reply.json(200, write(value));
    }

    byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The JSON body of an error reply. */
    Reply error(HttpError e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", e.getMessage());
        if (e.details() instanceof Map<?, ?> details) {
            details.forEach((k, v) -> body.put(String.valueOf(k), v));
        }
        return Reply.json(e.status(), write(body));
    }
}
