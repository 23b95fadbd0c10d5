package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux replay} through the exported runnable jar (the real OSGi runtime): triggers of every
 * kind and the cron window, which need cron-utils, slf4j 2 with its provider, SPI Fly and
 * javax.validation to resolve and run inside Felix, and a partition.
 */
class ReplayJarIT {
    @TempDir
    Path dir;

    @Test
    void triggersCronWindowAndPartitionInTheRunnableJar() throws Exception {
        Path app = Files.writeString(dir.resolve("app.sql"), """
                CREATE STREAM Trades (symbol STRING, volume LONG);
                CREATE TRIGGER Boot AT START;
                CREATE TRIGGER Tick AT EVERY 2 SECONDS;
                CREATE TRIGGER Cron5 AT CRON '*/5 * * * * *';
                INSERT INTO Started SELECT triggered_time AS t FROM Boot;
                INSERT INTO Ticks SELECT triggered_time AS t FROM Tick;
                INSERT INTO Crons SELECT triggered_time AS t FROM Cron5;
                INSERT INTO Batches SELECT sum(volume) AS total FROM Trades WINDOW('cron', '*/5 * * * * *');
                PARTITION WITH (symbol OF Trades) BEGIN
                  INSERT INTO Totals SELECT symbol, sum(volume) AS total FROM Trades;
                END;
                """);
        Path input = Files.writeString(dir.resolve("input.jsonl"), """
                {"ts": 1000, "stream": "Trades", "data": {"symbol": "x", "volume": 1}}
                {"ts": 2500, "stream": "Trades", "data": {"symbol": "y", "volume": 2}}
                {"ts": 4000, "stream": "Trades", "data": {"symbol": "x", "volume": 3}}
                {"ts": 10000}
                """);
        Path output = dir.resolve("out.jsonl");
        String jar = System.getProperty("eventflux.jar", "target/eventflux.jar");
        Process p = new ProcessBuilder(java(), "-jar", jar, "replay", app.toString(), "--input", input.toString(),
                "--output", output.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("replay finished").isTrue();
        String log = Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).as("nothing on stderr/stdout besides the output file").isEmpty();
        List<String> lines = Files.readAllLines(output);
        // timers due at one time fire in the order their operators were built (queries, partitions, then
        // triggers in declaration order), so at 5000: the cron window's batch, then Tick, then Cron5
        assertThat(lines).containsExactly(
                "{\"ts\":1000,\"stream\":\"Started\",\"data\":{\"t\":1000}}",
                "{\"ts\":1000,\"stream\":\"Totals\",\"data\":{\"symbol\":\"x\",\"total\":1}}",
                "{\"ts\":2500,\"stream\":\"Totals\",\"data\":{\"symbol\":\"y\",\"total\":2}}",
                "{\"ts\":3000,\"stream\":\"Ticks\",\"data\":{\"t\":3000}}",
                "{\"ts\":4000,\"stream\":\"Totals\",\"data\":{\"symbol\":\"x\",\"total\":4}}",
                "{\"ts\":5000,\"stream\":\"Batches\",\"data\":{\"total\":6}}",
                "{\"ts\":5000,\"stream\":\"Ticks\",\"data\":{\"t\":5000}}",
                "{\"ts\":5000,\"stream\":\"Crons\",\"data\":{\"t\":5000}}",
                "{\"ts\":7000,\"stream\":\"Ticks\",\"data\":{\"t\":7000}}",
                "{\"ts\":9000,\"stream\":\"Ticks\",\"data\":{\"t\":9000}}",
                "{\"ts\":10000,\"stream\":\"Crons\",\"data\":{\"t\":10000}}");
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
