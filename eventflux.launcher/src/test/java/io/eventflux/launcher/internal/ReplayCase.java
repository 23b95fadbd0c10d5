package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * One case folder in the format of ../shared/conformance (README.md there): {@code app.sql},
 * {@code input.jsonl}, optionally {@code expected.jsonl} and {@code case.json}. {@link #compare} judges
 * emitted lines against the expected ones exactly as conformance/run.py does (per stream in order,
 * {@code per-ts} or {@code none}, numbers within the tolerance).
 */
record ReplayCase(String name, String sql, String input, String expected, String order, double tolerance,
        boolean expectsError, boolean skipBad) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The public conformance cases: {@code ../shared/conformance/cases} beside the repository root
     * ({@code -Deventflux.root}, default the module's parent). Missing, the test is skipped, except under
     * CI=true, where it fails.
     */
    static Path sharedCases() {
        Path root = Path.of(System.getProperty("eventflux.root", "..")).toAbsolutePath().normalize();
        Path cases = root.resolveSibling("shared").resolve("conformance").resolve("cases");
        if (!Files.isDirectory(cases)) {
            String message = "the conformance cases are missing: " + cases + " (the shared folder must sit beside"
                    + " the repository root " + root + ")";
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message);
        }
        return cases;
    }

    /** Every case folder (holding app.sql) under {@code parent}, in name order. */
    static List<ReplayCase> under(Path parent) {
        try (Stream<Path> walk = Files.walk(parent)) {
            List<Path> dirs = walk.filter(p -> Files.isRegularFile(p.resolve("app.sql"))).sorted().toList();
            List<ReplayCase> out = new ArrayList<>();
            for (Path d : dirs) {
                out.add(load(parent.relativize(d).toString(), d));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ReplayCase load(String name, Path dir) throws IOException {
        String sql = Files.readString(dir.resolve("app.sql"), StandardCharsets.UTF_8);
        String input = Files.readString(dir.resolve("input.jsonl"), StandardCharsets.UTF_8);
        Path exp = dir.resolve("expected.jsonl");
        String expected = Files.isRegularFile(exp) ? Files.readString(exp, StandardCharsets.UTF_8) : null;
        String order = "strict";
        double tolerance = 1e-9;
        boolean error = false;
        boolean skipBad = false;
        Path spec = dir.resolve("case.json");
        if (Files.isRegularFile(spec)) {
            JsonNode s = JSON.readTree(spec.toFile());
            order = s.path("order").asText("strict");
            tolerance = s.path("tolerance").asDouble(1e-9);
            error = s.has("expect_error");
            for (JsonNode arg : s.path("args")) {
                if (!arg.asText().equals("--skip-bad")) {
                    throw new AssertionError(dir + "/case.json: argument " + arg + " is not supported by this test");
                }
                skipBad = true;
            }
        }
        return new ReplayCase(name, sql, input, expected, order, tolerance, error, skipBad);
    }

    /** The input's meaningful lines; a bad one fails unless the case skips bad lines. */
    List<InputLine> lines() {
        JsonLinesReader reader = new JsonLinesReader(new BufferedReader(new StringReader(input)),
                new JsonTreeReader(new JsonFactory()));
        List<InputLine> out = new ArrayList<>();
        while (true) {
            try {
                InputLine line = reader.next();
                if (line == null) {
                    return out;
                }
                out.add(line);
            } catch (BadLineException e) {
                if (!skipBad) {
                    throw new AssertionError(name + ": input.jsonl: " + e.getMessage(), e);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Why {@code got} (JSON Lines) does not match the expected lines, or null when it does. */
    String compare(String got) {
        List<JsonNode> e = rows(Objects.requireNonNull(expected, "no expected.jsonl"));
        List<JsonNode> g = rows(got);
        if (order.equals("none")) {
            return unordered(e, g);
        }
        Map<String, List<List<JsonNode>>> byStream = new LinkedHashMap<>();
        group(byStream, e, 0, n -> n.path("stream").asText());
        group(byStream, g, 1, n -> n.path("stream").asText());
        for (Map.Entry<String, List<List<JsonNode>>> s : byStream.entrySet()) {
            List<JsonNode> es = s.getValue().get(0);
            List<JsonNode> gs = s.getValue().get(1);
            if (order.equals("per-ts")) {
                Map<String, List<List<JsonNode>>> byTs = new LinkedHashMap<>();
                group(byTs, es, 0, n -> n.path("ts").toString());
                group(byTs, gs, 1, n -> n.path("ts").toString());
                for (Map.Entry<String, List<List<JsonNode>>> t : byTs.entrySet()) {
                    String why = unordered(t.getValue().get(0), t.getValue().get(1));
                    if (why != null) {
                        return "stream " + s.getKey() + " at ts=" + t.getKey() + ": " + why;
                    }
                }
                continue;
            }
            for (int i = 0; i < Math.max(es.size(), gs.size()); i++) {
                if (i >= es.size()) {
                    return "stream " + s.getKey() + ": extra event #" + (i + 1) + ": " + gs.get(i);
                }
                if (i >= gs.size()) {
                    return "stream " + s.getKey() + ": missing event #" + (i + 1) + ": " + es.get(i);
                }
                if (!sameEvent(es.get(i), gs.get(i))) {
                    return "stream " + s.getKey() + ": event #" + (i + 1) + " differs: expected " + es.get(i)
                            + " got " + gs.get(i);
                }
            }
        }
        return null;
    }

    private static void group(Map<String, List<List<JsonNode>>> into, List<JsonNode> rows, int side,
            java.util.function.Function<JsonNode, String> key) {
        for (JsonNode r : rows) {
            into.computeIfAbsent(key.apply(r), k -> List.of(new ArrayList<>(), new ArrayList<>())).get(side).add(r);
        }
    }

    private String unordered(List<JsonNode> expected, List<JsonNode> got) {
        List<JsonNode> left = new ArrayList<>(got);
        outer:
        for (JsonNode e : expected) {
            for (Iterator<JsonNode> it = left.iterator(); it.hasNext();) {
                if (sameEvent(e, it.next())) {
                    it.remove();
                    continue outer;
                }
            }
            return "expected but not emitted: " + e;
        }
        return left.isEmpty() ? null : "emitted but not expected: " + left.get(0);
    }

    private boolean sameEvent(JsonNode e, JsonNode g) {
        if (!e.path("stream").equals(g.path("stream"))) {
            return false;
        }
        if (e.has("ts") && !sameValue(e.get("ts"), g.path("ts"), 0)) {
            return false;
        }
        return e.path("expired").asBoolean(false) == g.path("expired").asBoolean(false)
                && sameValue(e.path("data"), g.path("data"), tolerance);
    }

    private static boolean sameValue(JsonNode a, JsonNode b, double tol) {
        if (a.isBoolean() || b.isBoolean()) {
            return a.equals(b);
        }
        if (a.isNumber() && b.isNumber()) {
            double x = a.asDouble();
            double y = b.asDouble();
            if (Double.isNaN(x)) {
                return Double.isNaN(y);
            }
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            return Math.abs(x - y) <= Math.max(tol * Math.max(Math.abs(x), Math.abs(y)), tol);
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<String> names = a.fieldNames(); names.hasNext();) {
                String n = names.next();
                if (!b.has(n) || !sameValue(a.get(n), b.get(n), tol)) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!sameValue(a.get(i), b.get(i), tol)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static List<JsonNode> rows(String text) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("//")) {
                continue;
            }
            try {
                out.add(JSON.readTree(t));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + t, e);
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return name;
    }
}
