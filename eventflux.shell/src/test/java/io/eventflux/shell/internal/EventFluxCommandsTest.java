package io.eventflux.shell.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.AppState;
import io.eventflux.api.management.AppSummary;
import io.eventflux.engine.EventFluxRuntime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.felix.service.command.Converter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands over a real runtime (plain Java), and how their results read. */
class EventFluxCommandsTest {
    private final EventFluxRuntime runtime = EventFluxRuntime.withServiceLoader(getClass().getClassLoader());
    private final EventFluxCommands commands = new EventFluxCommands(runtime.management());
    private final ResultConverter converter = new ResultConverter();

    private static final String APP = """
            @app:name('sums')
            CREATE STREAM S (k STRING, v INT);
            CREATE TABLE Last (k STRING, v INT, PRIMARY KEY (k));
            INSERT INTO Out SELECT k, sum(v) AS total FROM S WINDOW('length', 2);
            INSERT INTO Last SELECT k, v FROM S;
            """;

    @AfterEach
    void close() {
        runtime.close();
    }

    private String text(Object result) {
        return String.valueOf(converter.format(result, Converter.INSPECT, null));
    }

    @Test
    void deployFromAFileThenSendQueryStatusAndStatsReadAsTables(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sums.sql");
        Files.writeString(file, APP);
        AppSummary deployed = commands.deploy(null, file.toString());
        assertThat(deployed.state()).as(deployed.toString()).isEqualTo(AppState.RUNNING);
        assertThat(text(commands.apps())).startsWith("APP   STATE    UPTIME").contains("sums  RUNNING");

        assertThat(commands.send("sums", "S", "{\"k\": \"a\", \"v\": 4}")).isEqualTo("sent 1 event to sums/S");
        assertThat(commands.send("sums", "S", "[[\"b\", 5], [\"a\", 6]]")).isEqualTo("sent 2 events to sums/S");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (runtime.management().stats("sums").eventsOut() < 3 && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }

        assertThat(text(commands.query("sums", "SELECT k, v FROM Last ORDER BY k")))
                .isEqualTo("k  v\na  4\nb  5\n(2 rows)"); // a second insert of key a is a duplicate key
        String status = text(commands.status("sums"));
        assertThat(status).startsWith("app sums: RUNNING, up ")
                .contains("STREAM  ROLE  CONNECTOR  EVENTS  DROPPED  ERRORS  DLQ  LATE")
                .contains("S       in               3       0        0       0")
                .contains("Out     out              3")
                .contains("QUERY    FROM  INTO  CHUNKS  MEAN/CHUNK")
                // 3 events sent as 2 chunks (one event, then a JSON array)
                .containsPattern("query-1  S     Out   2       \\d+\\.\\d{3} ms");
        assertThat(text(commands.stats("sums"))).contains("IN  OUT").contains(" 3   3 ");
        assertThat(text(commands.stats())).startsWith("apps: 1 running, 0 waiting, 0 failed, 0 stopped; extensions: ");
        assertThat(text(commands.snapshot("sums"))).contains("sums  1");
        assertThat(text(commands.restore("sums"))).contains("sums  1");
        assertThat(commands.undeploy("sums")).isEqualTo("undeployed sums");
        assertThat(commands.apps()).isEmpty();
    }

    @Test
    void aWaitingAppSaysWhatItWaitsFor() throws Exception {
        commands.deploy(null, APP.replace("'length'", "'hamster'"));
        assertThat(text(commands.apps())).contains("sums  WAITING  -       0         waiting for window:hamster");
        assertThatThrownBy(() -> commands.undeploy("nope")).hasMessageContaining("no app 'nope'").hasMessageContaining("[sums]");
    }

    @Test
    void extensionsListTheirParameters() {
        String windows = text(commands.extensions("window"));
        assertThat(windows).startsWith("TYPE    NAME    PROVIDER").contains("PARAMETERS\nwindow length\n  ");
        assertThat(text(commands.extensions())).contains("aggregator");
    }

    @Test
    void traceReturnsTheNextEventsOrWhatCameBeforeTheTimeout() throws Exception {
        commands.deploy(null, APP);
        assertThat(commands.trace(0, "sums", "Out", 3)).isEmpty();
        List<?> none = commands.trace(0, "sums", "Out");
        assertThat(none).isEmpty();
    }

    @Test
    void sqlTextThatIsNotAFileIsDeployedAsIs(@TempDir Path dir) throws Exception {
        assertThat(EventFluxCommands.sql(null, "CREATE STREAM S (v INT);")).isEqualTo("CREATE STREAM S (v INT);");
        assertThatThrownBy(() -> EventFluxCommands.sql(null, dir.resolve("missing.sql").toString()))
                .hasMessageContaining("no such file");
    }
}
