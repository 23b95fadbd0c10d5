package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which embedded bundles the framework installs at boot and which wait until an app first needs them,
 * worked out once per jar from the bundles themselves and kept next to them ({@value #FILE} in the bundle
 * cache folder, written atomically; {@link #load} rebuilds a missing or unreadable one).
 *
 * <p>A bundle is <em>on demand</em> when every DS component it declares (its {@code Service-Component}
 * XML) is an EventFlux extension factory (a component with the service property
 * {@code eventflux.extension.name}; a function library too: the compiler asks every library only when it
 * resolves a function call, which then installs them all), it has no {@code Bundle-Activator}, and no
 * bundle installed at boot imports a package from it. A library
 * (no component, no activator, not a fragment, some importer) imported only by on-demand bundles is on
 * demand too (jackson-dataformat-csv, cron-utils, Jetty
 * WebSocket). Every other bundle, and everything they import (optional imports included), is installed
 * at boot.
 *
 * <p>For each on-demand bundle the index keeps its <em>group</em> (itself and the on-demand bundles it
 * imports from, transitively, in install order) and the properties and interfaces of its extension
 * components, which the launcher bundle registers as stand-in services (see
 * {@code io.eventflux.launcher.internal.OnDemandBundles}): the engine lists and finds the extension by
 * them, and its first lookup installs the group.
 */
final class OnDemandIndex {
    static final String FILE = "ondemand.properties";
    /**
     * Run property: bundles that nothing imports but that others use at run time (JDBC drivers, which SPI
     * Fly registers as services): {@code BSN>USER+USER,...}. Such a bundle joins its users' groups.
     */
    static final String COMPANIONS = "eventflux.ondemand.companions";
    /**
     * Run property: the bundles (symbolic names) that core bundles import dynamically for cron triggers
     * (cron-utils): {@link #triggers()} is their groups.
     */
    static final String TRIGGERS = "eventflux.ondemand.triggers";
    /**
     * Run property: the bundles (symbolic names) of the configuration file's formats, which the launcher imports
     * dynamically: {@link #configFormats()} is their groups.
     */
    static final String CONFIG_FORMATS = "eventflux.ondemand.configformats";
    private static final String FORMAT = "8";
    /** Run property: bundles (symbolic names) that only {@code server} needs although they start at level 1. */
    static final String SERVER_ONLY = "eventflux.ondemand.serveronly";
    /** The start level of server mode (cnf/runtime.bnd): bundles from it up are needed by {@code server} only. */
    static final int SERVER_LEVEL = 3;
    private static final String EXTENSION_PREFIX = "eventflux.extension.";

    private final Properties properties;

    private OnDemandIndex(Properties properties) {
        this.properties = properties;
    }

    /**
     * The index of the bundle folder {@code dir} (a map from each embedded path to its file in it): read
     * from {@value #FILE}, or built from the bundles and written there.
     */
    static OnDemandIndex load(Path dir, Map<String, Path> files, LaunchProperties launch) throws IOException {
        Path file = dir.resolve(FILE);
        if (Files.isRegularFile(file)) {
            Properties p = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
                if (FORMAT.equals(p.getProperty("format"))) {
                    return new OnDemandIndex(p);
                }
            } catch (IOException | IllegalArgumentException e) {
                // rebuilt below
            }
        }
        Properties p = build(files, launch);
        Path tmp = Files.createTempFile(dir, FILE, ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "EventFlux: bundles installed on demand (built from the bundles at first start)");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new OnDemandIndex(p);
    }

    /** The embedded paths the framework does not install at boot. */
    Set<String> deferred() {
        return list("deferred");
    }

    /** The embedded paths only {@code server} installs at boot (its start levels need them). */
    Set<String> serverOnly() {
        return list("serveronly");
    }

    /**
     * The part of {@link #serverOnly()} that the console needs (the shell, Gogo and what they import):
     * {@code eventflux shell} installs it at boot, without the management API, Jetty and Prometheus.
     */
    Set<String> console() {
        return list("console");
    }

    /**
     * The embedded paths, in install order, of the bundles the engine and the compiler load dynamically for a
     * cron trigger, with what they need ({@value #TRIGGERS}): installed at boot for a command that deploys apps
     * later, and for one whose app declares a cron trigger. Empty when they are installed at boot anyway.
     */
    Set<String> triggers() {
        return list("triggers");
    }

    /**
     * The embedded paths, in install order, of the configuration file's formats, with what they need
     * ({@value #CONFIG_FORMATS}): installed at boot when a configuration file will be read.
     */
    Set<String> configFormats() {
        return list("configformats");
    }

    private Set<String> list(String key) {
        Set<String> out = new LinkedHashSet<>();
        for (String path : properties.getProperty(key, "").split(",")) {
            if (!path.isBlank()) {
                out.add(path);
            }
        }
        return out;
    }

    /** The index as properties (what the launcher bundle reads from the file). */
    Properties properties() {
        return properties;
    }

    // ---- building

    /** What the index needs of one bundle. */
    private record Info(String path, String bsn, Set<String> exports, Set<String> imports, Set<String> optionalImports,
            Set<String> requiredBundles,
            String host, boolean activator, List<Map<String, String>> extensions,
            boolean otherComponents) {
    }

    static Properties build(Map<String, Path> files, LaunchProperties launch) throws IOException {
        List<Info> infos = new ArrayList<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            infos.add(read(e.getKey(), e.getValue()));
        }
        Map<String, Set<String>> exporters = new HashMap<>();
        Map<String, String> byBsn = new HashMap<>();
        for (Info i : infos) {
            i.exports().forEach(pkg -> exporters.computeIfAbsent(pkg, k -> new LinkedHashSet<>()).add(i.path()));
            byBsn.put(i.bsn(), i.path());
        }
        Map<String, Set<String>> companions = companions(launch.runProperties().get(COMPANIONS), byBsn);
        Map<String, Set<String>> deps = new HashMap<>();
        Map<String, Set<String>> mandatory = new HashMap<>();
        Map<String, Integer> importers = new HashMap<>();
        for (Info i : infos) {
            Set<String> d = new LinkedHashSet<>();
            Set<String> optional = new LinkedHashSet<>();
            for (String pkg : i.imports()) {
                (i.optionalImports().contains(pkg) ? optional : d).addAll(exporters.getOrDefault(pkg, Set.of()));
            }
            for (String bsn : i.requiredBundles()) {
                if (byBsn.containsKey(bsn)) {
                    d.add(byBsn.get(bsn));
                }
            }
            if (i.host() != null && byBsn.containsKey(i.host())) {
                d.add(byBsn.get(i.host()));
            }
            d.addAll(companions.getOrDefault(i.path(), Set.of()));
            d.remove(i.path());
            optional.removeAll(d);
            optional.remove(i.path());
            mandatory.put(i.path(), d);
            Set<String> all = new LinkedHashSet<>(d);
            all.addAll(optional);
            deps.put(i.path(), all);
            all.forEach(x -> importers.merge(x, 1, Integer::sum));
        }
        // fragments go where their host goes: a fragment is a root, so its host is at boot
        // a bundle only imported dynamically waits for the command that needs it
        Set<String> dynamicallyImported = new LinkedHashSet<>(dynamic(launch, TRIGGERS));
        dynamicallyImported.addAll(dynamic(launch, CONFIG_FORMATS));
        Set<String> roots = new LinkedHashSet<>();
        for (Info i : infos) {
            boolean extensionBundle = !i.extensions().isEmpty() && !i.otherComponents() && !i.activator()
                    && i.host() == null;
            boolean library = i.extensions().isEmpty() && !i.otherComponents() && !i.activator() && i.host() == null
                    && importers.getOrDefault(i.path(), 0) > 0;
            boolean companion = companions.values().stream().anyMatch(c -> c.contains(i.path()));
            if (!extensionBundle && !library && !companion && !dynamicallyImported.contains(i.bsn())) {
                roots.add(i.path());
            }
        }
        Set<String> boot = closure(roots, deps, null);
        // what only the server's start levels need (the management API, Jetty, Prometheus): other commands
        // never raise the framework that far, so they do not install it at all
        // (and the console: the shell and Gogo, named in SERVER_ONLY); a core bundle's optional imports do not
        // pull a bundle into the core (SCR's and the launcher's of Gogo)
        Set<String> named = Set.of(launch.runProperties().getOrDefault(SERVER_ONLY, "").split("\\s*,\\s*"));
        Set<String> lowRoots = new LinkedHashSet<>();
        for (Info i : infos) {
            if (roots.contains(i.path()) && !named.contains(i.bsn())
                    && launch.startLevel(i.bsn(), version(files.get(i.path()))) < SERVER_LEVEL) {
                lowRoots.add(i.path());
            }
        }
        Set<String> core = closure(lowRoots, mandatory, null);
        List<String> serverOnly = new ArrayList<>();
        for (Info i : infos) {
            if (boot.contains(i.path()) && !core.contains(i.path())) {
                serverOnly.add(i.path());
            }
        }
        // the console's part of it: the bundles named in SERVER_ONLY and what they need beyond the core
        Set<String> consoleRoots = new LinkedHashSet<>();
        for (Info i : infos) {
            if (named.contains(i.bsn())) {
                consoleRoots.add(i.path());
            }
        }
        Set<String> consoleClosure = closure(consoleRoots, mandatory, core);
        List<String> console = new ArrayList<>();
        for (String path : serverOnly) {
            if (consoleClosure.contains(path)) {
                console.add(path);
            }
        }
        Properties p = new Properties();
        p.setProperty("serveronly", String.join(",", serverOnly));
        p.setProperty("console", String.join(",", console));
        p.setProperty("format", FORMAT);
        List<String> deferred = new ArrayList<>();
        for (Info i : infos) {
            if (!boot.contains(i.path())) {
                deferred.add(i.path());
            }
        }
        p.setProperty("deferred", String.join(",", deferred));
        p.setProperty("triggers", dynamicGroup(dynamic(launch, TRIGGERS), byBsn, boot, deps, core, files));
        p.setProperty("configformats", dynamicGroup(dynamic(launch, CONFIG_FORMATS), byBsn, boot, deps, core, files));
        int n = 0;
        for (Info i : infos) {
            if (boot.contains(i.path())) {
                continue;
            }
            // up to what every command installs: a server-only bundle it needs (Jetty) comes with it elsewhere
            Set<String> group = closure(Set.of(i.path()), deps, core);
            List<String> ordered = new ArrayList<>();
            for (String path : files.keySet()) {
                if (group.contains(path)) {
                    ordered.add(path);
                }
            }
            String key = i.path();
            p.setProperty("file." + key, files.get(key).getFileName().toString());
            p.setProperty("group." + key, String.join(",", ordered));
            for (Map<String, String> ext : i.extensions()) {
                String prefix = "ext." + n++ + ".";
                p.setProperty(prefix + "path", key);
                p.setProperty(prefix + "bsn", i.bsn());
                ext.forEach((k, v) -> p.setProperty(prefix + k, v));
            }
        }
        for (Info i : infos) {
            if (!core.contains(i.path())) {
                p.setProperty("file." + i.path(), files.get(i.path()).getFileName().toString());
                p.setProperty("level." + i.path(), Integer.toString(launch.startLevel(i.bsn(), version(files.get(i.path())))));
            }
        }
        p.setProperty("ext.count", Integer.toString(n));
        return p;
    }

    /** The symbolic names a run property lists (comma-separated). */
    private static Set<String> dynamic(LaunchProperties launch, String property) {
        Set<String> out = new LinkedHashSet<>();
        for (String bsn : launch.runProperties().getOrDefault(property, "").split(",")) {
            if (!bsn.isBlank()) {
                out.add(bsn.trim());
            }
        }
        return out;
    }

    /** The bundles named and what they need beyond the core, in install order, unless they are at boot anyway. */
    private static String dynamicGroup(Set<String> bsns, Map<String, String> byBsn, Set<String> boot,
            Map<String, Set<String>> deps, Set<String> core, Map<String, Path> files) {
        Set<String> roots = new LinkedHashSet<>();
        for (String bsn : bsns) {
            String path = byBsn.get(bsn);
            if (path != null && !boot.contains(path)) {
                roots.add(path);
            }
        }
        Set<String> group = closure(roots, deps, core);
        List<String> ordered = new ArrayList<>();
        for (String path : files.keySet()) {
            if (group.contains(path)) {
                ordered.add(path);
            }
        }
        return String.join(",", ordered);
    }

    /** {@value #COMPANIONS} as user path -> companion paths. */
    private static Map<String, Set<String>> companions(String value, Map<String, String> byBsn) {
        Map<String, Set<String>> out = new HashMap<>();
        if (value == null) {
            return out;
        }
        for (String clause : value.split(",")) {
            String[] parts = clause.trim().split(">", 2);
            String companion = byBsn.get(parts[0].trim());
            if (parts.length < 2 || companion == null) {
                continue;
            }
            for (String user : parts[1].split("\\+")) {
                String path = byBsn.get(user.trim());
                if (path != null) {
                    out.computeIfAbsent(path, k -> new LinkedHashSet<>()).add(companion);
                }
            }
        }
        return out;
    }

    private static String version(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest m = jar.getManifest();
            String v = m == null ? null : m.getMainAttributes().getValue("Bundle-Version");
            return v == null ? "0.0.0" : v.trim();
        }
    }

    /** {@code start} and what it imports from, transitively, leaving out {@code stop}. */
    private static Set<String> closure(Set<String> start, Map<String, Set<String>> deps, Set<String> stop) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(start);
        while (!todo.isEmpty()) {
            String path = todo.remove(todo.size() - 1);
            if ((stop == null || !stop.contains(path)) && out.add(path)) {
                todo.addAll(deps.getOrDefault(path, Set.of()));
            }
        }
        return out;
    }

    private static Info read(String path, Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile(), false)) {
            Manifest manifest = jar.getManifest();
            Attributes a = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String bsn = first(a.getValue("Bundle-SymbolicName"));
            String host = a.getValue("Fragment-Host") == null ? null : first(a.getValue("Fragment-Host"));
            Set<String> exports = packages(a.getValue("Export-Package"));
            List<Map<String, String>> extensions = new ArrayList<>();
            boolean others = false;
            for (String xml : components(jar, a.getValue("Service-Component"))) {
                ZipEntry entry = jar.getEntry(xml);
                if (entry == null) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(entry)) {
                    List<Map<String, String>> found = extensions(in, exports);
                    if (found == null) {
                        others = true;
                    } else {
                        extensions.addAll(found);
                    }
                }
            }
            return new Info(path, bsn == null ? path : bsn, exports,
                    packages(a.getValue("Import-Package")), optionalPackages(a.getValue("Import-Package")),
                    names(a.getValue("Require-Bundle")), host,
                    a.getValue("Bundle-Activator") != null, extensions, others);
        }
    }

    private static List<String> components(JarFile jar, String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String clause : LaunchProperties.clauses(header)) {
            String name = clause.split(";")[0].trim();
            if (name.contains("*")) {
                String prefix = name.substring(0, name.indexOf('*'));
                String suffix = name.substring(name.indexOf('*') + 1);
                jar.stream().map(ZipEntry::getName).filter(n -> n.startsWith(prefix) && n.endsWith(suffix)
                        && n.indexOf('/', prefix.length()) < 0).sorted().forEach(out::add);
            } else {
                out.add(name);
            }
        }
        return out;
    }

    /**
     * The extension components of one component XML (each as its {@code eventflux.extension.*} properties,
     * {@code s.KEY} for a String, {@code a.KEY} for a String array joined with newlines, and
     * {@code objectClass} for the provided interfaces), or null when a component of it is neither an extension
     * nor a helper of the bundle's own (a service of a package it does not export).
     */
    private static List<Map<String, String>> extensions(InputStream in, Set<String> exports) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setExpandEntityReferences(false);
            doc = factory.newDocumentBuilder().parse(in);
        } catch (javax.xml.parsers.ParserConfigurationException | org.xml.sax.SAXException e) {
            throw new IOException("unreadable component description: " + e.getMessage(), e);
        }
        List<Map<String, String>> out = new ArrayList<>();
        NodeList components = doc.getElementsByTagNameNS("*", "component");
        if (components.getLength() == 0) {
            components = doc.getDocumentElement().getTagName().endsWith("component")
                    ? doc.getChildNodes() : doc.getElementsByTagName("component");
        }
        for (int c = 0; c < components.getLength(); c++) {
            if (!(components.item(c) instanceof Element component)) {
                continue;
            }
            Map<String, String> props = new HashMap<>();
            NodeList properties = component.getElementsByTagName("property");
            for (int i = 0; i < properties.getLength(); i++) {
                Element prop = (Element) properties.item(i);
                String name = prop.getAttribute("name");
                String type = prop.getAttribute("type");
                if (!name.startsWith(EXTENSION_PREFIX) || !(type.isEmpty() || type.equals("String"))) {
                    continue;
                }
                if (prop.hasAttribute("value")) {
                    props.put("s." + name, prop.getAttribute("value"));
                } else {
                    List<String> lines = new ArrayList<>();
                    for (String line : prop.getTextContent().split("\n")) {
                        if (!line.isBlank()) {
                            lines.add(line.trim());
                        }
                    }
                    props.put("a." + name, String.join("\n", lines));
                }
            }
            Set<String> interfaces = new LinkedHashSet<>();
            NodeList provides = component.getElementsByTagName("provide");
            for (int i = 0; i < provides.getLength(); i++) {
                interfaces.add(((Element) provides.item(i)).getAttribute("interface"));
            }
            boolean named = props.containsKey("s." + EXTENSION_PREFIX + "name");
            if (!named && interfaces.stream().noneMatch(i -> exports.contains(packageOf(i)))) {
                continue; // the bundle's own helper (a broker or server its factories share): goes with it
            }
            if (!named || interfaces.isEmpty()) {
                return null;
            }
            props.put("objectClass", String.join(",", interfaces));
            out.add(props);
        }
        return out;
    }

    private static String packageOf(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? "" : className.substring(0, dot);
    }

    private static String first(String header) {
        if (header == null) {
            return null;
        }
        List<String> clauses = LaunchProperties.clauses(header);
        return clauses.isEmpty() ? null : clauses.get(0).split(";")[0].trim();
    }

    /** The package names of an Export-Package or Import-Package header. */
    static Set<String> packages(String header) {
        Set<String> out = new HashSet<>();
        if (header == null) {
            return out;
        }
        for (String clause : LaunchProperties.clauses(header)) {
            for (String part : clause.split(";")) {
                String s = part.trim();
                if (s.contains("=")) {
                    break; // the attributes and directives follow the names
                }
                if (!s.isEmpty()) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /** The packages of an Import-Package header imported with {@code resolution:=optional}. */
    static Set<String> optionalPackages(String header) {
        Set<String> out = new HashSet<>();
        if (header == null) {
            return out;
        }
        for (String clause : LaunchProperties.clauses(header)) {
            if (clause.replace(" ", "").contains("resolution:=optional")) {
                out.addAll(packages(clause));
            }
        }
        return out;
    }

    private static Set<String> names(String header) {
        Set<String> out = new HashSet<>();
        if (header != null) {
            for (String clause : LaunchProperties.clauses(header)) {
                out.add(clause.split(";")[0].trim());
            }
        }
        return out;
    }

    /** Unchecked wrapper for callers that treat a broken index as "install everything". */
    static OnDemandIndex loadOrNull(Path dir, Map<String, Path> files, LaunchProperties launch, BootTrace trace) {
        try {
            OnDemandIndex index = load(dir, files, launch);
            trace.mark("on-demand index ready (" + index.deferred().size() + " bundles on demand)");
            return index;
        } catch (IOException | RuntimeException e) {
            System.err.println("eventflux: warning: cannot index the bundles (" + e + "); installing all of them");
            return null;
        }
    }
}
