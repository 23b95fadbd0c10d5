package io.eventflux.launcher.internal;

import io.eventflux.api.ExtensionInfo;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.extension.ParameterInfo;
import io.eventflux.engine.EventFluxRuntime;
import io.eventflux.engine.StreamOption;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Generates the reference pages {@code docs/reference/connectors.md} (the engine's common stream keys, then
 * every source, sink, mapper, table store and persistence store with its {@code WITH} keys) and
 * {@code docs/reference/extensions.md} (windows, aggregators, function libraries) from the extensions'
 * own metadata: their {@link Extension} annotations, found the way the engine finds them outside OSGi
 * ({@link EventFluxRuntime#withServiceLoader(ClassLoader)}), and {@link StreamOption#ALL}. Nothing here
 * describes an extension by hand, so the pages follow the code; {@code ReferenceDocsTest} fails the build
 * when the committed pages differ from what this produces.
 *
 * <p>Regenerate: {@value #REGENERATE}
 */
public final class ReferenceDocs {
    /** The command that rewrites the committed pages. */
    public static final String REGENERATE = "mvn -pl eventflux.launcher -am package -Dtest=ReferenceDocsTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Deventflux.docs.write=true";

    private static final Map<String, String> CONNECTOR_SECTIONS = sections(
            Extension.SOURCE, "Sources", Extension.SINK, "Sinks", Extension.MAPPER, "Mappers (format)",
            Extension.TABLE_STORE, "Table stores", Extension.PERSISTENCE_STORE, "Persistence stores");
    private static final Map<String, String> EXTENSION_SECTIONS = sections(
            Extension.WINDOW, "Windows", Extension.AGGREGATOR, "Aggregators", Extension.FUNCTION, "Function libraries");

    /** How a default hides in a meaning: "(default 100)", "beginning (default)", "; default: x", "default x". */
    private static final Pattern FREE_TEXT_DEFAULT = Pattern.compile(
            "\\(default\\b|\\bdefault\\)|[;,] default\\b|\\bdefault:|^default\\b|\\bdefaults? to\\b");

    private final List<ExtensionInfo> extensions;
    private final List<StreamOption> streamOptions;

    /** Pages over these extensions and common stream keys. */
    public ReferenceDocs(List<ExtensionInfo> extensions, List<StreamOption> streamOptions) {
        this.extensions = extensions.stream()
                .sorted(Comparator.comparing(ExtensionInfo::type).thenComparing(ExtensionInfo::name))
                .toList();
        this.streamOptions = List.copyOf(streamOptions);
    }

    /**
     * Pages over every extension {@code ServiceLoader} finds through {@code loader}.
     *
     * @throws IllegalStateException when it finds no source or no window: the bundles are not on the class
     *         path as jars (their {@code META-INF/services} files are made when they are packaged)
     */
    public static ReferenceDocs load(ClassLoader loader) {
        try (EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(loader)) {
            List<ExtensionInfo> found = runtime.extensions();
            for (String type : List.of(Extension.SOURCE, Extension.WINDOW)) {
                if (found.stream().noneMatch(e -> e.type().equals(type))) {
                    throw new IllegalStateException("no " + type + " extension found on the class path: the "
                            + "extension bundles must be packaged jars (run Maven's package phase, not test)");
                }
            }
            return new ReferenceDocs(found, StreamOption.ALL);
        }
    }

    /** Writes both pages into {@code args[0]} (default {@code docs/reference}). */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "docs/reference");
        Files.createDirectories(dir);
        ReferenceDocs docs = load(ReferenceDocs.class.getClassLoader());
        for (Map.Entry<String, String> page : docs.pages().entrySet()) {
            Files.writeString(dir.resolve(page.getKey()), page.getValue(), StandardCharsets.UTF_8);
            System.out.println("wrote " + dir.resolve(page.getKey()));
        }
    }

    /** File name to content, for every page. */
    public Map<String, String> pages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("connectors.md", connectors());
        pages.put("extensions.md", extensionsPage());
        return pages;
    }

    /** The connector reference. */
    public String connectors() {
        StringBuilder out = new StringBuilder();
        header(out, "Connector reference", "every `WITH` key of a source or sink stream, of its mapper, and of "
                + "table and persistence stores, with its default");
        out.append("## Common stream keys\n\n")
                .append("Every stream declared with `type` understands these keys, whatever its connector ")
                .append("(SQL.md section 7; defined by `io.eventflux.engine.StreamOption`).\n\n")
                .append("| key | type | default | required | description |\n|---|---|---|---|---|\n");
        for (StreamOption o : streamOptions) {
            String type = o.allowed().isEmpty() ? o.type() : o.type() + ": " + String.join(" \\| ", o.allowed());
            row(out, code(o.key()), type, streamDefault(o.defaultValue()),
                    o.required() ? "yes" : "", cell(o.description()));
        }
        out.append('\n');
        for (Map.Entry<String, String> section : CONNECTOR_SECTIONS.entrySet()) {
            out.append("## ").append(section.getValue()).append("\n\n");
            for (ExtensionInfo e : of(section.getKey())) {
                out.append("### ").append(e.name()).append("\n\n");
                describe(out, e);
                if (e.parameters().isEmpty()) {
                    out.append("No keys of its own.\n\n");
                    continue;
                }
                out.append("| key | type | default | required | description |\n|---|---|---|---|---|\n");
                for (ParameterInfo d : ParameterInfo.parseAll(e.parameters())) {
                    row(out, code(d.name()), cell(d.type()), defaultValue(d), d.required() ? "yes" : "",
                            cell(d.description()));
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    /** The window, aggregator and function reference. */
    public String extensionsPage() {
        StringBuilder out = new StringBuilder();
        header(out, "Extension reference", "every window, aggregator and function library with its parameters");
        for (Map.Entry<String, String> section : EXTENSION_SECTIONS.entrySet()) {
            out.append("## ").append(section.getValue()).append("\n\n");
            if (section.getKey().equals(Extension.FUNCTION)) {
                functions(out);
                continue;
            }
            out.append("| name | aliases | parameters | description |\n|---|---|---|---|\n");
            for (ExtensionInfo e : of(section.getKey())) {
                StringBuilder params = new StringBuilder();
                for (ParameterInfo d : ParameterInfo.parseAll(e.parameters())) {
                    params.append(params.isEmpty() ? "" : "<br>").append(code(d.name()));
                    if (!d.type().isEmpty()) {
                        params.append(" ").append(cell(d.type()));
                    }
                    if (!d.description().isEmpty()) {
                        params.append(": ").append(cell(d.description()));
                    }
                }
                row(out, code(e.name()), String.join(", ", e.aliases().stream().map(ReferenceDocs::code).toList()),
                        params.toString(), cell(e.description()));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** One section per library, a row per function ({@code library:function(...)} in SQL). */
    private void functions(StringBuilder out) {
        for (ExtensionInfo e : of(Extension.FUNCTION)) {
            out.append("### ").append(e.name()).append("\n\n");
            describe(out, e);
            out.append("| function | description |\n|---|---|\n");
            for (ParameterInfo d : ParameterInfo.parseAll(e.parameters())) {
                row(out, code(d.isSignature() ? d.signature() : d.name()), cell(d.description()));
            }
            out.append('\n');
        }
    }

    private List<ExtensionInfo> of(String type) {
        return extensions.stream().filter(e -> e.type().equals(type)).toList();
    }

    private static void header(StringBuilder out, String title, String what) {
        out.append("# ").append(title).append("\n\n")
                .append("<!-- Generated by io.eventflux.launcher.internal.ReferenceDocs from the extensions' ")
                .append("@Extension metadata. Do not edit: change the extension, then run\n     ")
                .append(REGENERATE).append(" -->\n\n")
                .append("This page lists ").append(what).append(". It is generated from the extensions' own ")
                .append("metadata (the same text `eventflux:extensions` and `GET /api/extensions` show), and the ")
                .append("build fails when it is out of date.\n\n");
    }

    private static void describe(StringBuilder out, ExtensionInfo e) {
        if (!e.aliases().isEmpty()) {
            out.append("Also named ").append(String.join(", ", e.aliases().stream().map(ReferenceDocs::code)
                    .toList())).append(".\n\n");
        }
        if (!e.description().isEmpty()) {
            out.append(text(e.description())).append("\n\n");
        }
        String bundle = bundle(e.provider());
        if (bundle != null) {
            out.append("Bundle: `").append(bundle).append("`.\n\n");
        }
    }

    /** The bundle of a provider class, by the project's convention {@code io.<bundle>.internal.Class}. */
    private static String bundle(String provider) {
        int internal = provider.indexOf(".internal.");
        return provider.startsWith("io.") && internal > 0 ? provider.substring(3, internal) : null;
    }

    /** A common key's default in code, one described in words as text, none as an empty cell. */
    private static String streamDefault(String v) {
        return v == null ? "" : v.chars().anyMatch(Character::isWhitespace) ? cell(v) : code(v);
    }

    /** A default value in code (quoted when it is empty or one sign), one described in words as text, none empty. */
    private static String defaultValue(ParameterInfo p) {
        String v = p.defaultValue();
        if (v == null) {
            return "";
        }
        if (p.defaultInWords()) {
            return cell(v);
        }
        return code(v.isEmpty() || v.length() == 1 && !Character.isLetterOrDigit(v.charAt(0)) ? "'" + v + "'" : v);
    }

    /**
     * Every {@code WITH} key of a source, sink, mapper or store that states its default only in free text, or
     * is optional without stating one, or names no type: the connector page's default column could not show
     * it. One line per problem, "sink kafka: key 'kafka.acks' ...".
     */
    public List<String> undeclaredDefaults() {
        List<String> problems = new ArrayList<>();
        for (String type : CONNECTOR_SECTIONS.keySet()) {
            for (ExtensionInfo e : of(type)) {
                for (ParameterInfo p : ParameterInfo.parseAll(e.parameters())) {
                    String where = type + " " + e.name() + ": key '" + p.name() + "' ";
                    if (p.type().isEmpty()) {
                        problems.add(where + "names no type (\"" + p.name() + ": TYPE = default, meaning\")");
                    } else if (!p.required() && !p.hasDefault()) {
                        problems.add(where + "is optional and states no default (write \"" + p.name() + ": "
                                + p.type() + " = value\", \"= (in words)\" or \"required\")");
                    }
                    if (FREE_TEXT_DEFAULT.matcher(p.description()).find()) {
                        problems.add(where + "states a default in its text: '" + p.description() + "'");
                    }
                }
            }
        }
        return problems;
    }

    private static void row(StringBuilder out, String... cells) {
        out.append("| ").append(String.join(" | ", cells)).append(" |\n");
    }

    private static String code(String s) {
        return "`" + s.replace("|", "\\|") + "`";
    }

    /** Markdown text: angle brackets are not HTML. */
    private static String text(String s) {
        return s.replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text in a table cell: also no pipes and no line breaks. */
    private static String cell(String s) {
        return text(s).replace("|", "\\|").replace("\n", " ");
    }

    private static Map<String, String> sections(String... typeAndTitle) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < typeAndTitle.length; i += 2) {
            m.put(typeAndTitle[i], typeAndTitle[i + 1]);
        }
        return m;
    }
}
