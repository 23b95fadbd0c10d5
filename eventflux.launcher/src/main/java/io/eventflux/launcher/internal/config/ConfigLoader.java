package io.eventflux.launcher.internal.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eventflux.api.config.AppConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code eventflux.toml} / {@code eventflux.yaml} (or {@code .yml}) files into a {@link ConfigFile}.
 *
 * <p>{@code [application]} and each {@code [streams.Name]} are tables of options whose nested tables are
 * flattened with dots ({@code [application.kafka] bootstrap.servers = "..."} is the key
 * {@code kafka.bootstrap.servers}, as is the quoted key {@code "kafka.bootstrap.servers"}); values are
 * strings, numbers and booleans turned into strings, or lists of them joined with commas. A key defined
 * twice that way is an error. The other top-level tables are kept for the features that read them; a
 * top-level key that no feature claims gives a warning (with the nearest known name), not an error, so a
 * newer file still runs on an older runtime.
 *
 * <p>Each call builds its parser, so the TOML and YAML modules are only loaded when a file is read.
 */
public final class ConfigLoader {
    /** Where the commands look, in this order, when no file is given. */
    public static final List<String> DEFAULT_FILES = List.of("conf/eventflux.toml", "conf/eventflux.yaml",
            "conf/eventflux.yml");

    static final String APPLICATION = "application";
    static final String STREAMS = "streams";
    /** Top-level tables that later features read; kept without a warning. */
    static final Set<String> RESERVED = Set.of("persistence", "server", "metrics", "logging", "runtime");

    /**
     * The file named by {@code --config}, else the first of {@link #DEFAULT_FILES} found under the working
     * directory; none when neither.
     *
     * @param explicit the {@code --config} argument (relative to the working directory), or null
     * @throws ConfigException when the named file does not exist or a file cannot be read
     */
    public ConfigFile locate(String explicit, Path workingDirectory) throws ConfigException {
        if (explicit != null) {
            Path file = workingDirectory.resolve(explicit);
            if (!Files.isRegularFile(file)) {
                throw new ConfigException("config file " + explicit + (Files.exists(file) ? " is not a file" : " does not exist"));
            }
            return load(file, explicit);
        }
        Optional<String> found = DEFAULT_FILES.stream().filter(f -> Files.isRegularFile(workingDirectory.resolve(f)))
                .findFirst();
        if (found.isEmpty()) {
            return ConfigFile.none();
        }
        ConfigFile file = load(workingDirectory.resolve(found.get()), found.get());
        List<String> ignored = DEFAULT_FILES.stream().filter(f -> !f.equals(found.get()))
                .filter(f -> Files.isRegularFile(workingDirectory.resolve(f))).toList();
        if (ignored.isEmpty()) {
            return file;
        }
        List<String> warnings = new ArrayList<>(file.warnings());
        warnings.add(found.get() + " is used; " + String.join(" and ", ignored) + " " + (ignored.size() == 1 ? "is" : "are")
                + " ignored");
        return new ConfigFile(file.options(), file.sections(), warnings);
    }

    /**
     * Reads one file; the format comes from its extension.
     *
     * @param name how to name the file in messages and in {@link AppConfig#source()}
     * @throws ConfigException naming the file (line and column for syntax errors, the key for bad values)
     */
    public ConfigFile load(Path file, String name) throws ConfigException {
        JsonNode root = parse(file, name);
        if (root == null || root.isMissingNode() || root.isNull()) {
            return new ConfigFile(new AppConfig(name, Map.of(), Map.of()), Map.of(), List.of());
        }
        if (!root.isObject()) {
            throw new ConfigException(name + ": expected a table of settings at the top, found " + kind(root));
        }
        Map<String, String> application = Map.of();
        Map<String, Map<String, String>> streams = new LinkedHashMap<>();
        Map<String, Object> sections = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        ObjectMapper plain = new ObjectMapper();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (key.equals(APPLICATION)) {
                application = options(name, "[application]", value);
            } else if (key.equals(STREAMS)) {
                streams = streams(name, value);
            } else {
                // YAML "server:" with nothing under it is an empty table, not a missing one
                sections.put(key, value.isNull() ? Map.of() : plain.convertValue(value, Object.class));
                if (!RESERVED.contains(key)) {
                    warnings.add(name + ": unknown top-level key '" + key + "' is ignored" + suggestion(key));
                }
            }
        }
        return new ConfigFile(new AppConfig(name, application, streams), sections, warnings);
    }

    private static JsonNode parse(Path file, String name) throws ConfigException {
        String fileName = file.getFileName().toString().toLowerCase(Locale.ROOT);
        ObjectMapper mapper;
        try {
            if (fileName.endsWith(".toml")) {
                mapper = ConfigFormats.toml();
            } else if (fileName.endsWith(".yaml") || fileName.endsWith(".yml")) {
                mapper = ConfigFormats.yaml();
            } else {
                throw new ConfigException(name + ": unknown configuration format; name the file *.toml, *.yaml or *.yml");
            }
        } catch (NoClassDefFoundError e) {
            // a runtime put together without the format's bundles (the launcher installs them when it sees a file)
            throw new ConfigException(name + ": cannot be read: the bundles of its format (jackson-dataformat-toml, "
                    + "jackson-dataformat-yaml and snakeyaml) are not installed (" + e.getMessage() + ")");
        }
        try {
            return mapper.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            throw new ConfigException(name + at(e.getLocation()) + ": " + summary(e.getOriginalMessage()));
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file " + name + " does not exist");
        } catch (IOException e) {
            throw new ConfigException(name + ": cannot be read: " + e);
        }
    }

    private static Map<String, Map<String, String>> streams(String name, JsonNode node) throws ConfigException {
        if (node.isNull()) {
            return Map.of(); // YAML "streams:" with nothing under it
        }
        if (!node.isObject()) {
            throw new ConfigException(name + ": 'streams' must be a table of [streams.Name] tables, found " + kind(node));
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> stream : node.properties()) {
            String table = "[streams." + stream.getKey() + "]";
            if (!stream.getValue().isObject() && !stream.getValue().isNull()) {
                throw new ConfigException(name + ": " + table + " must be a table of options, found " + kind(stream.getValue())
                        + " (write [streams." + stream.getKey() + "] and the options under it)");
            }
            out.put(stream.getKey(), options(name, table, stream.getValue()));
        }
        return out;
    }

    private static Map<String, String> options(String name, String table, JsonNode node) throws ConfigException {
        if (node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new ConfigException(name + ": " + table + " must be a table of options, found " + kind(node));
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten(name, table, "", node, out);
        return out;
    }

    private static void flatten(String name, String table, String prefix, JsonNode node, Map<String, String> out)
            throws ConfigException {
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = prefix + entry.getKey();
            JsonNode value = entry.getValue();
            if (value.isObject()) {
                flatten(name, table, key + ".", value, out);
                continue;
            }
            String text = scalar(value);
            if (text == null && value.isArray()) {
                List<String> items = new ArrayList<>();
                for (JsonNode item : value) {
                    String s = scalar(item);
                    if (s == null) {
                        throw new ConfigException(name + ": " + table + " " + key
                                + ": a list may hold strings, numbers and booleans only, found " + kind(item));
                    }
                    items.add(s);
                }
                text = String.join(",", items);
            }
            if (text == null) {
                throw new ConfigException(name + ": " + table + " " + key
                        + ": a value must be a string, number or boolean, found " + kind(value));
            }
            if (out.putIfAbsent(key, text) != null) {
                throw new ConfigException(name + ": " + table + " " + key + " is defined twice (once as a dotted key, once"
                        + " through a nested table)");
            }
        }
    }

    /** The text of a string, number or boolean; null for anything else. */
    private static String scalar(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asText();
        }
        if (node.isPojo()) {
            // TOML dates and times, when the parser hands them over as java.time values
            return String.valueOf(((com.fasterxml.jackson.databind.node.POJONode) node).getPojo());
        }
        return null;
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a table";
            case NULL, MISSING -> "an empty value";
            case STRING -> "the string \"" + node.textValue() + "\"";
            default -> "the value " + node.asText();
        };
    }

    private static String at(JsonLocation location) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        return ":" + location.getLineNr() + (location.getColumnNr() > 0 ? ":" + location.getColumnNr() : "");
    }

    /**
     * The parser's message without its snippets: SnakeYAML writes "context / in 'reader', line.. / snippet /
     * problem / in ..., line.. / snippet"; the unindented lines are the sentences.
     */
    private static String summary(String message) {
        if (message == null || message.isBlank()) {
            return "syntax error";
        }
        List<String> sentences = message.lines().filter(l -> !l.isBlank() && !Character.isWhitespace(l.charAt(0)))
                .map(String::trim).toList();
        return sentences.isEmpty() ? message.trim() : String.join("; ", sentences);
    }

    private static String suggestion(String key) {
        List<String> known = new ArrayList<>(RESERVED);
        known.add(APPLICATION);
        known.add(STREAMS);
        return Suggest.nearest(key, known);
    }
}
