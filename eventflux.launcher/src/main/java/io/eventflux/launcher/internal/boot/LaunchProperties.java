package io.eventflux.launcher.internal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The run settings that bnd's export writes into the executable jar ({@code launcher.properties}, from
 * eventflux.bndrun and cnf/runtime.bnd): the embedded bundles ({@code launch.bundles}, resolved and
 * verified by bnd at build time), their start levels ({@code launch.runbundles.attrs}), the start level of
 * bundles installed later ({@code launch.startlevel.default}), the extra system packages and the
 * framework's run properties (every key that does not start with {@code launch.}). A {@code -Dkey=value}
 * system property overrides a run property, as with bnd's own launcher.
 */
final class LaunchProperties {
    static final String RESOURCE = "launcher.properties";

    private final List<String> bundles;
    private final Map<String, Integer> startLevels;
    private final int defaultStartLevel;
    private final String systemPackages;
    private final Map<String, String> runProperties;

    private LaunchProperties(List<String> bundles, Map<String, Integer> startLevels, int defaultStartLevel,
            String systemPackages, Map<String, String> runProperties) {
        this.bundles = bundles;
        this.startLevels = startLevels;
        this.defaultStartLevel = defaultStartLevel;
        this.systemPackages = systemPackages;
        this.runProperties = runProperties;
    }

    static LaunchProperties load(InputStream in, Properties system) throws IOException {
        Properties p = new Properties();
        try (InputStreamReader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(reader);
        }
        List<String> bundles = new ArrayList<>();
        for (String path : p.getProperty("launch.bundles", "").split(",")) {
            if (!path.isBlank()) {
                bundles.add(path.trim());
            }
        }
        Map<String, Integer> levels = new HashMap<>();
        for (String clause : clauses(p.getProperty("launch.runbundles.attrs", ""))) {
            String[] parts = clause.split(";");
            String bsn = parts[0].trim();
            String version = "";
            int level = -1;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                if (kv.length == 2) {
                    String value = kv[1].trim().replace("\"", "");
                    if (kv[0].trim().equals("version")) {
                        version = value;
                    } else if (kv[0].trim().equals("startlevel")) {
                        level = parseInt(value, -1);
                    }
                }
            }
            if (level > 0) {
                levels.put(bsn + ";" + version, level);
                levels.putIfAbsent(bsn, level);
            }
        }
        Map<String, String> run = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (!key.startsWith("launch.")) {
                String override = system.getProperty(key);
                run.put(key, override != null ? override : p.getProperty(key));
            }
        }
        return new LaunchProperties(List.copyOf(bundles), Map.copyOf(levels),
                parseInt(p.getProperty("launch.startlevel.default"), 1), p.getProperty("launch.system.packages"), run);
    }

    /** The embedded bundles' paths inside the jar ({@code jar/NAME.jar}), in start order. */
    List<String> bundles() {
        return bundles;
    }

    /** The start level bnd gives this bundle, else the default level of bundles installed later. */
    int startLevel(String bsn, String version) {
        Integer level = startLevels.get(bsn + ";" + version);
        if (level == null) {
            level = startLevels.get(bsn);
        }
        return level != null ? level : defaultStartLevel;
    }

    int defaultStartLevel() {
        return defaultStartLevel;
    }

    /** {@code org.osgi.framework.system.packages.extra}, or null. */
    String systemPackages() {
        return systemPackages;
    }

    /** The framework's run properties (-D overrides applied). */
    Map<String, String> runProperties() {
        return runProperties;
    }

    /** Splits a header at the commas outside quotes. */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                if (!sb.toString().isBlank()) {
                    out.add(sb.toString().trim());
                }
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (!sb.toString().isBlank()) {
            out.add(sb.toString().trim());
        }
        return out;
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
