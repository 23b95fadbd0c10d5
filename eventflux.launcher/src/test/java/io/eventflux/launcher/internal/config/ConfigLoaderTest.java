package io.eventflux.launcher.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void tomlTablesAreFlattenedWithDotsAndValuesTurnedIntoStrings() throws Exception {
        Path file = write("eventflux.toml", """
                # shared by every connector stream
                [application]
                "error.strategy" = "retry"
                error.retry.max-attempts = 5
                async.enabled = true
                backoff = 1.5

                [application.kafka]
                bootstrap.servers = "${KAFKA_SERVERS:localhost:9092}"
                "security.protocol" = "SASL_SSL"

                [streams.Orders]
                kafka.topic = "orders"
                kafka.hosts = ["a:9092", "b:9092"]

                [streams.Orders.json.mapping]
                id = "$.order.id"

                [persistence]
                type = "file"
                interval = 30
                """);

        ConfigFile config = loader.load(file, "conf/eventflux.toml");

        assertThat(config.source()).isEqualTo("conf/eventflux.toml");
        assertThat(config.options().application()).containsExactly(
                Map.entry("error.strategy", "retry"),
                Map.entry("error.retry.max-attempts", "5"),
                Map.entry("async.enabled", "true"),
                Map.entry("backoff", "1.5"),
                Map.entry("kafka.bootstrap.servers", "${KAFKA_SERVERS:localhost:9092}"),
                Map.entry("kafka.security.protocol", "SASL_SSL"));
        assertThat(config.options().stream("Orders")).containsExactly(
                Map.entry("kafka.topic", "orders"),
                Map.entry("kafka.hosts", "a:9092,b:9092"),
                Map.entry("json.mapping.id", "$.order.id"));
        assertThat(config.sections()).containsOnlyKeys("persistence");
        assertThat(config.sections().get("persistence")).isEqualTo(Map.of("type", "file", "interval", 30));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void yamlGivesTheSameOptions() throws Exception {
        Path file = write("eventflux.yaml", """
                application:
                  error.strategy: retry
                  error:
                    retry.max-attempts: 5
                  kafka:
                    bootstrap.servers: "${KAFKA_SERVERS:localhost:9092}"
                streams:
                  Orders:
                    kafka.topic: orders
                    enabled: yes
                  Empty:
                server:
                  port: 8080
                persistence:
                """);

        ConfigFile config = loader.load(file, "c.yaml");

        assertThat(config.options().application()).containsExactly(
                Map.entry("error.strategy", "retry"),
                Map.entry("error.retry.max-attempts", "5"),
                Map.entry("kafka.bootstrap.servers", "${KAFKA_SERVERS:localhost:9092}"));
        assertThat(config.options().stream("Orders")).containsEntry("kafka.topic", "orders").containsKey("enabled");
        assertThat(config.options().streams()).containsKey("Empty");
        assertThat(config.sections()).isEqualTo(Map.of("server", Map.of("port", 8080), "persistence", Map.of()));
    }

    @Test
    void ymlIsYamlAndAnEmptyFileIsAnEmptyConfig() throws Exception {
        ConfigFile config = loader.load(write("e.yml", "streams:\n  S:\n    a: 1\n"), "e.yml");
        assertThat(config.options().stream("S")).containsEntry("a", "1");

        ConfigFile empty = loader.load(write("empty.yaml", ""), "empty.yaml");
        assertThat(empty.options().application()).isEmpty();
        assertThat(empty.options().streams()).isEmpty();
        assertThat(loader.load(write("empty.toml", ""), "empty.toml").options().streams()).isEmpty();
    }

    @Test
    void aTomlSyntaxErrorNamesFileLineAndColumn() throws IOException {
        Path file = write("bad.toml", """
                [application]
                kafka.topic = "orders"
                kafka.acks = = 1
                """);

        assertThatThrownBy(() -> loader.load(file, "conf/bad.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("conf/bad.toml:3:");
    }

    @Test
    void aYamlSyntaxErrorNamesFileLineAndColumn() throws IOException {
        Path file = write("bad.yaml", """
                application:
                  kafka.topic: orders
                 bad: [unclosed
                """);

        assertThatThrownBy(() -> loader.load(file, "bad.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageMatching("bad\\.yaml:[34]:\\d+: .+");
    }

    @Test
    void aKeyDefinedTwiceIsAnError() throws IOException {
        Path file = write("twice.yaml", """
                application:
                  kafka.topic: a
                  kafka:
                    topic: b
                """);

        assertThatThrownBy(() -> loader.load(file, "twice.yaml"))
                .hasMessage("twice.yaml: [application] kafka.topic is defined twice (once as a dotted key, once through a nested table)");
    }

    @Test
    void badValuesNameTableAndKey() throws IOException {
        assertThatThrownBy(() -> loader.load(write("a.toml", "[streams]\nOrders = \"x\"\n"), "a.toml"))
                .hasMessageStartingWith("a.toml: [streams.Orders] must be a table of options, found the string \"x\"");
        assertThatThrownBy(() -> loader.load(write("b.toml", "[[streams.Orders.list]]\nx = 1\n"), "b.toml"))
                .hasMessage("b.toml: [streams.Orders] list: a list may hold strings, numbers and booleans only, found a table");
        assertThatThrownBy(() -> loader.load(write("c.yaml", "application: [1, 2]\n"), "c.yaml"))
                .hasMessage("c.yaml: [application] must be a table of options, found a list");
        assertThatThrownBy(() -> loader.load(write("d.yaml", "application:\n  k:\n"), "d.yaml"))
                .hasMessage("d.yaml: [application] k: a value must be a string, number or boolean, found an empty value");
        assertThatThrownBy(() -> loader.load(write("e.yaml", "- 1\n- 2\n"), "e.yaml"))
                .hasMessage("e.yaml: expected a table of settings at the top, found a list");
        assertThatThrownBy(() -> loader.load(write("f.json", "{}"), "f.json"))
                .hasMessageContaining("unknown configuration format");
    }

    @Test
    void unknownTopLevelKeysAreKeptWithAWarning() throws Exception {
        ConfigFile config = loader.load(write("w.toml", """
                [aplication]
                x = 1
                [custom]
                y = 2
                """), "w.toml");

        assertThat(config.sections()).containsOnlyKeys("aplication", "custom");
        assertThat(config.warnings()).containsExactly(
                "w.toml: unknown top-level key 'aplication' is ignored (did you mean 'application'?)",
                "w.toml: unknown top-level key 'custom' is ignored");
        assertThat(config.options().application()).isEmpty();
    }

    @Test
    void locateTakesTheNamedFileElseConfEventfluxTomlThenYaml() throws Exception {
        assertThat(loader.locate(null, dir).source()).isEqualTo("(none)");

        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/eventflux.yml"), "application:\n  from: yml\n");
        assertThat(loader.locate(null, dir).options().application()).containsEntry("from", "yml");

        Files.writeString(dir.resolve("conf/eventflux.toml"), "[application]\nfrom = \"toml\"\n");
        ConfigFile both = loader.locate(null, dir);
        assertThat(both.source()).isEqualTo("conf/eventflux.toml");
        assertThat(both.options().application()).containsEntry("from", "toml");
        assertThat(both.warnings()).containsExactly("conf/eventflux.toml is used; conf/eventflux.yml is ignored");

        Files.writeString(dir.resolve("other.yaml"), "application:\n  from: other\n");
        assertThat(loader.locate("other.yaml", dir).options().application()).containsEntry("from", "other");
        assertThatThrownBy(() -> loader.locate("missing.toml", dir)).hasMessage("config file missing.toml does not exist");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
