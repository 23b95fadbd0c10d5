package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux shell} through the runnable jar, its commands piped on standard input (not a terminal):
 * no banner and no prompt, standard output holds exactly what the commands print (a sent event's outputs
 * from the apps given on the command line, then the command's answer), errors go to stderr and make the
 * exit code 1; an app that does not compile exits 2 before any command; with {@code --state} the apps' state
 * is saved when the shell ends and restored by the next one; with {@code --port} the management API serves
 * the shell's apps (an event sent over HTTP is printed on the console) from a temporary home.
 */
class ShellJarIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String HELLO = """
            @app:name('Hello');
            CREATE STREAM In (x INT);
            CREATE STREAM Out (x INT, y INT);
            INSERT INTO Out SELECT x, x * 2 AS y FROM In;
            """;

    @TempDir
    Path dir;

    private record Result(int exitCode, String out, String err) {
        /** Standard output with the wall-clock stamps of the events replaced by T. */
        String outWithoutTimes() {
            return out.replaceAll("\"ts\":\\d+", "\"ts\":T");
        }
    }

    @Test
    void commandsOnStandardInputPrintOnlyWhatTheyAnswer() throws Exception {
        Files.writeString(dir.resolve("hello.sql"), HELLO);
        Result r = shell("""
                # the app of the command line prints its output streams
                send Hello In '{"x": 1}'
                eventflux:send Hello In '[[2], [3]]'
                unwatch Hello
                send Hello In '{"x": 4}'
                watch
                watch Hello
                send Hello In '{"x": 5}'
                undeploy Hello
                """, "hello.sql");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.outWithoutTimes()).isEqualTo("""
                {"ts":T,"stream":"Out","data":{"x":1,"y":2}}
                sent 1 event to Hello/In
                {"ts":T,"stream":"Out","data":{"x":2,"y":4}}
                {"ts":T,"stream":"Out","data":{"x":3,"y":6}}
                sent 2 events to Hello/In
                stopped watching Hello
                sent 1 event to Hello/In
                no app is watched (watch APP prints an app's output streams)
                watching Hello: Out
                {"ts":T,"stream":"Out","data":{"x":5,"y":10}}
                sent 1 event to Hello/In
                undeployed Hello
                """);
        assertThat(r.err()).contains("eventflux: app 'Hello' (hello.sql) is running").doesNotContain("Exception");
    }

    @Test
    void theAppsAreListedAndAnAppDeployedInTheShellIsWatchedOnRequest() throws Exception {
        Files.writeString(dir.resolve("hello.sql"), HELLO);
        Result r = shell("""
                eventflux:apps
                deploy hello.sql
                apps
                watch Hello
                send Hello In '{"x": 7}'
                """);

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = r.outWithoutTimes();
        // no app yet: the table without rows; then Hello, deployed with the default options (asynchronous)
        assertThat(out).startsWith("\n").contains("Hello  RUNNING").contains("watching Hello: Out")
                .contains("{\"ts\":T,\"stream\":\"Out\",\"data\":{\"x\":7,\"y\":14}}").contains("sent 1 event to Hello/In");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFailedCommandIsReportedOnStderrAndMakesTheExitCodeOne() throws Exception {
        Files.writeString(dir.resolve("hello.sql"), HELLO);
        Result r = shell("""
                send Hello Nope '{"x": 1}'
                nosuchcommand
                send Hello In '{"x": 2}'
                """, "hello.sql");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.ERROR);
        assertThat(r.outWithoutTimes()).isEqualTo("""
                {"ts":T,"stream":"Out","data":{"x":2,"y":4}}
                sent 1 event to Hello/In
                """);
        assertThat(r.err()).contains("gosh: ").contains("Nope").contains("Command not found: nosuchcommand");
    }

    @Test
    void anAppThatDoesNotCompileStopsTheShellWithTwo() throws Exception {
        Files.writeString(dir.resolve("bad.sql"), """
                CREATE STREAM In (x INT);
                INSERT INTO Out SELECT nosuch FROM In;
                """);
        Result r = shell("send X In '{}'\n", "bad.sql");

        assertThat(r.exitCode()).isEqualTo(ExitCodes.COMPILE_ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("eventflux: bad.sql does not compile:")
                .contains("line 2, column 24: unknown attribute 'nosuch'").contains("                           ^~~~~~");
    }

    @Test
    void withStateTheAppsStateOutlivesTheShell() throws Exception {
        Files.writeString(dir.resolve("count.sql"), """
                @app:name('Count');
                CREATE STREAM In (x INT);
                INSERT INTO Counts SELECT count() AS n FROM In WINDOW('length', 100);
                """);
        Result first = shell("send Count In '[[1], [2]]'\n", "count.sql", "--state", "state");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.outWithoutTimes()).isEqualTo("""
                {"ts":T,"stream":"Counts","data":{"n":1}}
                {"ts":T,"stream":"Counts","data":{"n":2}}
                sent 2 events to Count/In
                """);

        Result second = shell("send Count In '{\"x\": 3}'\n", "count.sql", "--state", "state");
        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.outWithoutTimes()).as("the window restored from the snapshot of the first shell's end")
                .isEqualTo("""
                        {"ts":T,"stream":"Counts","data":{"n":3}}
                        sent 1 event to Count/In
                        """);
    }

    @Test
    void withPortTheManagementApiServesTheShellsApps() throws Exception {
        Files.writeString(dir.resolve("hello.sql"), HELLO);
        Process process = start("hello.sql", "--port", "0");
        CompletableFuture<String> out = read(process.getInputStream());
        StringBuffer err = new StringBuffer();
        Thread errPump = OutputPump.start(process.getErrorStream(), err);
        try {
            long deadline = System.nanoTime() + WAIT.toNanos();
            Matcher api;
            while (!(api = API.matcher(err)).find() || !err.toString().contains("is running")) {
                assertThat(System.nanoTime()).as("the API's address and the app on stderr: " + err).isLessThan(deadline);
                assertThat(process.isAlive()).as("the shell runs: " + err).isTrue();
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            Path home = Path.of(api.group(2));
            assertThat(home.resolve("state/http.port")).exists();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> sent = http.send(HttpRequest.newBuilder(URI.create(api.group(1) + "/api/apps/Hello/streams/In"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"x\": 21}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(sent.body()).isEqualTo("{\"sent\":1}");

            process.getOutputStream().write("send Hello In '{\"x\": 1}'\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
            errPump.join(WAIT.toMillis());
            assertThat(process.exitValue()).as(err.toString()).isZero();
            assertThat(out.get(WAIT.toSeconds(), TimeUnit.SECONDS).replaceAll("\"ts\":\\d+", "\"ts\":T")).isEqualTo("""
                    {"ts":T,"stream":"Out","data":{"x":21,"y":42}}
                    {"ts":T,"stream":"Out","data":{"x":1,"y":2}}
                    sent 1 event to Hello/In
                    """);
            assertThat(home).as("the API's temporary home is removed").doesNotExist();
        } finally {
            process.destroyForcibly();
        }
    }

    private static final Pattern API = Pattern.compile("eventflux: management API (http://[0-9.]+:\\d+) \\(home (\\S+),");

    private Process start(String... args) throws IOException {
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + dir, "-jar", jar, "shell"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dir.toFile()).start();
    }

    /** Runs the shell in {@link #dir} with the commands on standard input and waits until it ends. */
    private Result shell(String commands, String... args) throws Exception {
        Process process = start(args);
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        try {
            process.getOutputStream().write(commands.getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().close();
            assertThat(process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the shell ends at the end of its input")
                    .isTrue();
            return new Result(process.exitValue(), out.get(WAIT.toSeconds(), TimeUnit.SECONDS),
                    err.get(WAIT.toSeconds(), TimeUnit.SECONDS));
        } finally {
            process.destroyForcibly();
        }
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "(" + e + ")";
            }
        });
    }
}
