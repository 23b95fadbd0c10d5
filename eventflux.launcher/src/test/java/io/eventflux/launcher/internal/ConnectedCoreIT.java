package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's {@code bin/eventflux} with the core bundles on the class path: the first {@code validate}
 * lists them next to the jar ({@code eventflux-KEY.core}); later {@code run}, {@code validate} and {@code config}
 * put them on the class path and the launcher connects them (OSGi Connect: their classes come from the application
 * class loader). Checked through the real script and framework: the list (existing jars, the core bundles, the ones
 * they import dynamically, no fragment), the boot trace saying the bundles were connected, an app whose window,
 * aggregators, function library and connector are installed on demand as ordinary bundles wired to the connected
 * ones (every output recomputed), its class data sharing archive made by the first connected run and used by the
 * next, cron-utils (imported dynamically by the compiler) and the configuration file's TOML format (by the
 * launcher) reached from connected bundles.
 */
class ConnectedCoreIT {
    @TempDir
    Path dir;

    @Test
    void coreBundlesOnTheClassPathAreConnectedAndAppsRunAsBefore() throws Exception {
        Path home = extractDistribution();
        Path app = dir.resolve("app.sql");
        Files.writeString(app, """
                CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume LONG);
                INSERT INTO Out SELECT lower(symbol) AS sym, avg(price) AS avgPrice, count() AS cnt
                FROM StockStream WINDOW('length', 2);
                """);
        List<String> symbols = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        StringBuilder input = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            symbols.add("SYM" + (i % 3));
            prices.add(i * 1.5);
            input.append("{\"ts\": ").append(i + 1).append(", \"stream\": \"StockStream\", \"data\": {\"symbol\": \"").append(symbols.get(i))
                    .append("\", \"price\": ").append(prices.get(i)).append(", \"volume\": ").append(i + 1).append("}}\n");
        }
        Path events = dir.resolve("in.jsonl");
        Files.writeString(events, input);

        Result first = eventflux(home, "validate", app.toString());
        assertThat(first.exit).as(first.output).isZero();
        assertThat(first.output).as("the first run is not connected").doesNotContain("connected:");
        Path list = single(home.resolve("lib"), ".core");
        List<String> jars = Files.readAllLines(list);
        assertThat(jars).as("the core bundle jars").allSatisfy(j -> assertThat(Path.of(j)).isRegularFile())
                .anyMatch(j -> j.contains("eventflux.engine-")).anyMatch(j -> j.contains("eventflux.sql-"))
                .anyMatch(j -> j.contains("org.apache.felix.scr-")).anyMatch(j -> j.contains("cron-utils-"))
                .anyMatch(j -> j.contains("jackson-dataformat-toml-"))
                .noneMatch(j -> j.contains("spifly")).noneMatch(j -> j.contains("eventflux.window.length-"))
                .noneMatch(j -> j.contains("jetty-"));

        for (int round = 1; round <= 2; round++) {
            Result run = eventflux(home, "run", app.toString(), "--input", events.toString());
            assertThat(run.exit).as(run.output).isZero();
            assertThat(run.output).as("round " + round).contains("bundle jars on the class path, connected: " + jars.size());
            List<String> out = run.output.lines().filter(l -> l.contains("\"stream\":\"Out\"")).toList();
            assertThat(out).hasSize(symbols.size());
            for (int i = 0; i < out.size(); i++) {
                double avg = i == 0 ? prices.get(0) : (prices.get(i - 1) + prices.get(i)) / 2;
                assertThat(out.get(i)).contains("\"sym\":\"" + symbols.get(i).toLowerCase(Locale.ROOT) + "\"",
                        "\"avgPrice\":" + avg, "\"cnt\":" + Math.min(i + 1, 2));
            }
            if (round == 1) {
                // the first connected run archives its classes when it exits; the next one maps that archive
                assertThat(archives(home)).as("the connected runs' archive, being written or written")
                        .anyMatch(f -> f.contains("-core-"));
            }
        }
        assertThat(archives(home)).as("the connected runs' archive").anyMatch(f -> f.contains("-core-") && f.endsWith(".jsa"));

        Path cron = dir.resolve("cron.sql");
        Files.writeString(cron, "CREATE TRIGGER T AT CRON '* * * 99 * *';\nINSERT INTO O SELECT * FROM T;\n");
        Result badCron = eventflux(home, "validate", cron.toString());
        assertThat(badCron.exit).as(badCron.output).isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(badCron.output).contains("connected:", "line 1, column 1: the cron expression '* * * 99 * *' of trigger 'T'"
                + " is not valid", "Value 99 not in range");

        Path toml = dir.resolve("conf.toml");
        Files.writeString(toml, """
                [streams.Orders]
                kafka.group.id = "group-from-toml"
                """);
        Path orders = dir.resolve("orders.sql");
        Files.writeString(orders, "CREATE STREAM Orders (id STRING) WITH (type = 'source', extension = 'kafka', format = 'json');\n");
        Result config = eventflux(home, "config", "list", orders.toString(), "--config", toml.toString());
        assertThat(config.exit).as(config.output).isZero();
        assertThat(config.output).contains("connected:").containsPattern("kafka\\.group\\.id +group-from-toml ");
    }

    private record Result(int exit, String output) {
    }

    /** bin/eventflux with the boot trace, a cache folder of the test's own, standard error after standard output. */
    private Result eventflux(Path home, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/eventflux").toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(
                        Files.writeString(dir.resolve("empty"), "").toFile()));
        Map<String, String> env = pb.environment();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("XDG_CACHE_HOME", dir.resolve("cache").toString());
        env.put("EVENTFLUX_JAVA_OPTS", "-Deventflux.boot.trace=true");
        env.remove("EVENTFLUX_CDS");
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("eventflux " + String.join(" ", args) + " ends").isTrue();
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8) + Files.readString(err, StandardCharsets.UTF_8));
    }

    private static List<String> archives(Path home) throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("lib"))) {
            return files.map(f -> f.getFileName().toString()).filter(f -> f.contains(".jsa")).toList();
        }
    }

    private static Path single(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().endsWith(suffix)).toList();
            assertThat(found).as(suffix + " in " + folder).hasSize(1);
            return found.get(0);
        }
    }

    private Path extractDistribution() throws Exception {
        Path tar = Path.of(System.getProperty("eventflux.distribution", "target/eventflux-0.1.0-SNAPSHOT.tar.gz"));
        assertThat(tar).as("the distribution (mvn package)").isRegularFile();
        Path target = Files.createDirectories(dir.resolve("dist"));
        Process p = new ProcessBuilder("tar", "xzf", tar.toString(), "-C", target.toString()).inheritIO().start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("tar xzf " + tar).isTrue();
        try (Stream<Path> entries = Files.list(target)) {
            return entries.filter(Files::isDirectory).findFirst().orElseThrow();
        }
    }
}
