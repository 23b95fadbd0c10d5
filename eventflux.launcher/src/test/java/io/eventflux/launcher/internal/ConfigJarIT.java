package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eventflux config list|validate} through the exported runnable jar: the TOML and YAML modules and
 * snakeyaml resolve inside Felix, the plan is compiled against the engine's registry service, and
 * {@code ${VAR}} reads the child process's environment.
 */
class ConfigJarIT {
    private static final String PASSWORD = "jar-secret-pw-42";

    @TempDir
    Path dir;

    @Test
    void configListReadsConfEventfluxTomlAndTheEnvironmentInTheRunnableJar() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/eventflux.toml"), """
                [application.kafka]
                bootstrap.servers = "${IT_KAFKA_SERVERS:localhost:9092}"
                [streams.Orders]
                kafka.group.id = "${IT_GROUP}"
                kafka.sasl.jaas.config = 'PlainLoginModule required password="${IT_KAFKA_PASSWORD}";'
                """);
        Files.writeString(dir.resolve("app.sql"), """
                CREATE STREAM Orders (id STRING) WITH (type = 'source', extension = 'kafka', format = 'json');
                """);

        Result list = eventflux("config", "list", "app.sql");

        assertThat(list.exit).as(list.output).isZero();
        assertThat(list.output).containsPattern("kafka\\.group\\.id +group-from-env +conf/eventflux\\.toml \\[streams\\.Orders] +\\$IT_GROUP")
                .containsPattern("kafka\\.bootstrap\\.servers +localhost:9092 +conf/eventflux\\.toml \\[application] +"
                        + "\\$IT_KAFKA_SERVERS \\(not set: default\\)")
                .containsPattern("kafka\\.sasl\\.jaas\\.config +\\*{8} ")
                .doesNotContain(PASSWORD);
    }

    @Test
    void configValidateReadsYamlAndListsTheInstalledExtensionsInTheRunnableJar() throws Exception {
        Files.writeString(dir.resolve("eventflux.yaml"), """
                streams:
                  Orders:
                    kafka.sasl.jaas.config: 'password="${IT_KAFKA_PASSWORD}";'
                """);
        Files.writeString(dir.resolve("app.sql"), """
                CREATE STREAM Orders (id STRING) WITH (type = 'source', extension = 'kafka', format = 'jsno');
                """);

        Result validate = eventflux("config", "validate", "app.sql", "--config", "eventflux.yaml");

        assertThat(validate.exit).as(validate.output).isEqualTo(ExitCodes.ERROR);
        assertThat(validate.output).contains("stream Orders: format 'jsno' is not available; available formats: ",
                "(did you mean 'json'?)").doesNotContain(PASSWORD);
    }

    private record Result(int exit, String output) {
    }

    private Result eventflux(String... args) throws Exception {
        String jar = Path.of(System.getProperty("eventflux.jar", "target/eventflux.jar")).toAbsolutePath().toString();
        String[] command = new String[args.length + 3];
        command[0] = java();
        command[1] = "-jar";
        command[2] = jar;
        System.arraycopy(args, 0, command, 3, args.length);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log.txt").toFile());
        pb.environment().put("IT_GROUP", "group-from-env");
        pb.environment().put("IT_KAFKA_PASSWORD", PASSWORD);
        pb.environment().remove("IT_KAFKA_SERVERS");
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("eventflux finished").isTrue();
        return new Result(p.exitValue(), Files.readString(dir.resolve("log.txt"), StandardCharsets.UTF_8));
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
