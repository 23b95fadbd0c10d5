package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.config.AppConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eventflux server}'s arguments, settings and folders, with the framework side recorded. */
class ServerCommandTest {
    @TempDir
    Path dir;

    @Test
    void optionsWinOverTheServerTable() throws Exception {
        CommandLine cl = ServerCommand.parse(List.of("--port", "7001"));
        Map<String, String> settings = ServerCommand.settings(cl, Map.of("port", 9000L, "host", "0.0.0.0", "token", "t"));
        assertThat(settings).containsEntry("eventflux.http.port", "7001").containsEntry("eventflux.http.host", "0.0.0.0")
                .containsEntry("eventflux.http.token", "t");
    }

    @Test
    void unknownServerKeyIsNamed() {
        assertThatThrownBy(() -> ServerCommand.settings(ServerCommand.parse(List.of()), Map.of("prot", 1)))
                .isInstanceOf(CommandFailure.class).hasMessageContaining("[server] prot is not a server setting (port, host, token)");
    }

    @Test
    void unexpectedArgumentIsAUsageError() {
        assertThatThrownBy(() -> ServerCommand.parse(List.of("app.sql"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("unexpected argument 'app.sql'");
    }

    @Test
    void createsTheFoldersStartsServerModeAndStopsOnRequest() throws Exception {
        List<String> calls = new ArrayList<>();
        StopSignal stop = new StopSignal();
        ServerCommand.ServerMode mode = new ServerCommand.ServerMode() {
            @Override
            public String start(Path home, Map<String, String> settings, AppConfig options) {
                calls.add("start " + home.getFileName() + " " + settings + " " + options.source());
                stop.request(); // as SIGTERM would, once the server is up
                return "http://127.0.0.1:1234";
            }

            @Override
            public void stopAndWait() {
                calls.add("stop");
            }
        };
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cl = ServerCommand.parse(List.of("--home", "srv", "--host", "::1"));
        Path home = ServerCommand.home(cl, dir);
        int code = new ServerCommand(mode, stop, new PrintStream(err, true, StandardCharsets.UTF_8)).run(cl, home, null, new AppConfig("conf/eventflux.toml", Map.of(), Map.of()));
        assertThat(code).isZero();
        for (String folder : ServerCommand.FOLDERS) {
            assertThat(dir.resolve("srv").resolve(folder)).isDirectory();
        }
        assertThat(calls).containsExactly("start srv {eventflux.http.host=::1} conf/eventflux.toml");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("eventflux: server ready in ")
                .contains("management API http://127.0.0.1:1234");
        assertThat(Files.exists(dir.resolve("srv/state"))).isTrue();
    }
}
