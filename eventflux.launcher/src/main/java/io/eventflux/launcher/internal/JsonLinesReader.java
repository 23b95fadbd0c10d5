package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the replay input format of conformance/README.md, one line at a time: blank lines and
 * lines starting with {@code //} are skipped, every other line must be a JSON object with an
 * integer {@code ts} that does not decrease, and either nothing else (a clock line) or a
 * {@code stream} with {@code data} (object or array) or {@code batch} (array of those).
 *
 * <p>A bad line is reported as a {@link BadLineException} naming its line number; the reader stays
 * usable, so a caller that skips bad lines can go on reading. A rejected line does not move the
 * "previous ts" that later lines are checked against.
 */
final class JsonLinesReader {
    private static final Set<String> KEYS = Set.of("ts", "stream", "data", "batch");

    private final BufferedReader in;
    private final JsonTreeReader json;
    private int lineNumber;
    private boolean seenTs;
    private long lastTs;

    JsonLinesReader(BufferedReader in, JsonTreeReader json) {
        this.in = in;
        this.json = json;
    }

    /** The next meaningful line, or null at the end of the input. */
    InputLine next() throws IOException, BadLineException {
        String text;
        while ((text = in.readLine()) != null) {
            lineNumber++;
            String trimmed = text.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("//")) {
                continue;
            }
            InputLine line = parse(trimmed);
            seenTs = true;
            lastTs = line.ts();
            return line;
        }
        return null;
    }

    /** The number of the last line read (1-based), 0 before the first. */
    int lineNumber() {
        return lineNumber;
    }

    private InputLine parse(String text) throws BadLineException, IOException {
        JsonNode root;
        try {
            root = json.read(text);
        } catch (JsonProcessingException e) {
            throw bad("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad("expected a JSON object, got " + describe(root));
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                throw bad("unknown key '" + name + "' (expected ts, stream, data or batch)");
            }
        }
        long ts = timestamp(root.get("ts"));
        JsonNode stream = root.get("stream");
        JsonNode data = root.get("data");
        JsonNode batch = root.get("batch");
        if (stream == null || stream.isNull()) {
            if (data != null || batch != null) {
                throw bad("'" + (data != null ? "data" : "batch") + "' without a 'stream'");
            }
            return new InputLine(lineNumber, ts, null, List.of(), false);
        }
        if (!stream.isTextual() || stream.asText().isEmpty()) {
            throw bad("'stream' must be a stream name, got " + describe(stream));
        }
        if ((data == null) == (batch == null)) {
            throw bad("a line with a 'stream' needs exactly one of 'data' or 'batch'");
        }
        if (data != null) {
            return new InputLine(lineNumber, ts, stream.asText(), List.of(eventData(data, "data")), false);
        }
        if (!batch.isArray()) {
            throw bad("'batch' must be an array of events, got " + describe(batch));
        }
        List<JsonNode> events = new ArrayList<>(batch.size());
        for (JsonNode event : batch) {
            events.add(eventData(event, "batch element"));
        }
        return new InputLine(lineNumber, ts, stream.asText(), events, true);
    }

    private long timestamp(JsonNode ts) throws BadLineException {
        if (ts == null) {
            throw bad("missing 'ts'");
        }
        if (!ts.isIntegralNumber() || !ts.canConvertToLong()) {
            throw bad("'ts' must be an integer (epoch milliseconds), got " + describe(ts));
        }
        long value = ts.longValue();
        if (seenTs && value < lastTs) {
            throw bad("ts " + value + " is before the previous ts " + lastTs + " (ts must not decrease)");
        }
        return value;
    }

    private JsonNode eventData(JsonNode node, String what) throws BadLineException {
        if (!node.isObject() && !node.isArray()) {
            throw bad(what + " must be a JSON object or array, got " + describe(node));
        }
        return node;
    }

    private BadLineException bad(String problem) {
        return new BadLineException(lineNumber, problem);
    }

    static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        String text = node.toString();
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
