package io.eventflux.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionResolverTest {
    private static final AppConfig CONFIG = new AppConfig("conf/eventflux.toml",
            ordered("kafka.bootstrap.servers", "broker:9092", "kafka.acks", "all", "error.strategy", "retry"),
            Map.of("Orders", ordered("kafka.topic", "orders-file", "kafka.acks", "1", "kafka.group.id", "g1"),
                    "Plain", ordered("note", "from-file")));

    private final OptionResolver resolver = new OptionResolver(CONFIG, Map.of());

    @Test
    void sqlWinsOverTheStreamTableWhichWinsOverTheApplicationTable() {
        Map<String, ResolvedOption> options = resolver.resolve("Orders",
                ordered("type", "source", "extension", "kafka", "kafka.topic", "orders-sql"));

        assertThat(options.get("kafka.topic")).isEqualTo(new ResolvedOption("kafka.topic", "orders-sql", OptionOrigin.SQL, ""));
        assertThat(options.get("kafka.acks").value()).isEqualTo("1");
        assertThat(options.get("kafka.acks").origin()).isEqualTo(OptionOrigin.STREAM_CONFIG);
        assertThat(options.get("kafka.group.id").origin()).isEqualTo(OptionOrigin.STREAM_CONFIG);
        assertThat(options.get("kafka.bootstrap.servers").value()).isEqualTo("broker:9092");
        assertThat(options.get("kafka.bootstrap.servers").origin()).isEqualTo(OptionOrigin.APPLICATION_CONFIG);
        // SQL keys first (in SQL order), then the stream table's, then the application table's
        assertThat(options.keySet()).containsExactly("type", "extension", "kafka.topic", "kafka.acks", "kafka.group.id",
                "kafka.bootstrap.servers", "error.strategy");
    }

    @Test
    void applicationKeysApplyOnlyToStreamsWithAConnectorType() {
        assertThat(resolver.resolve("Plain", Map.of())).containsOnlyKeys("note");
        assertThat(resolver.resolve("Other", Map.of())).isEmpty();
        assertThat(resolver.resolve("Other", Map.of("type", "sink"))).containsKeys("kafka.bootstrap.servers", "error.strategy");
    }

    @Test
    void aTypeFromTheStreamTableAlsoMakesAConnectorStream() {
        AppConfig config = new AppConfig("c.toml", Map.of("kafka.acks", "all"),
                Map.of("Out", Map.of("type", "sink", "extension", "log")));

        Map<String, String> values = new OptionResolver(config, Map.of()).values("Out", Map.of());

        assertThat(values).containsEntry("type", "sink").containsEntry("kafka.acks", "all");
    }

    @Test
    void keysMatchIgnoringCaseAcrossLayers() {
        Map<String, ResolvedOption> options = resolver.resolve("Orders", ordered("TYPE", "source", "KAFKA.ACKS", "0"));

        assertThat(options).containsKeys("TYPE", "KAFKA.ACKS", "kafka.bootstrap.servers").doesNotContainKey("kafka.acks");
        assertThat(options.get("KAFKA.ACKS").value()).isEqualTo("0");
    }

    @Test
    void variablesComeFromTheEnvironmentWithDefaults() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("HOST", "kafka1", "PORT", "9093"));

        Map<String, ResolvedOption> options = r.resolve("S", ordered(
                "servers", "${HOST}:${PORT}",
                "group", "${GROUP:default-group}",
                "empty", "${NOPE:}",
                "plain", "no variables here"));

        assertThat(options.get("servers").value()).isEqualTo("kafka1:9093");
        assertThat(options.get("servers").variables()).isEqualTo("HOST,PORT");
        assertThat(options.get("group").value()).isEqualTo("default-group");
        assertThat(options.get("group").variables()).isEqualTo("GROUP");
        assertThat(options.get("empty").value()).isEmpty();
        assertThat(options.get("plain").variables()).isEmpty();
    }

    @Test
    void aSetVariableWinsOverItsDefault() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("GROUP", "g-env"));

        assertThat(r.values("S", Map.of("g", "${GROUP:default}"))).containsEntry("g", "g-env");
    }

    @Test
    void defaultsMayHoldVariablesAndColons() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("FALLBACK", "fb", "A", "a"));

        Map<String, ResolvedOption> options = r.resolve("S", ordered(
                "nested", "${PRIMARY:${FALLBACK}}",
                "deep", "x-${P:${Q:${A}}}-y",
                "url", "${URL:http://localhost:8080/path}",
                "unused", "${A:${NOT_READ}}"));

        assertThat(options.get("nested").value()).isEqualTo("fb");
        assertThat(options.get("nested").variables()).isEqualTo("PRIMARY,FALLBACK");
        assertThat(options.get("deep").value()).isEqualTo("x-a-y");
        assertThat(options.get("url").value()).isEqualTo("http://localhost:8080/path");
        // the default of a set variable is never looked at
        assertThat(options.get("unused").value()).isEqualTo("a");
        assertThat(options.get("unused").variables()).isEqualTo("A");
    }

    @Test
    void environmentValuesAreNotScannedAgain() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("A", "${B}", "B", "leaked"));

        assertThat(r.values("S", Map.of("k", "${A}"))).containsEntry("k", "${B}");
    }

    @Test
    void textThatIsNotAReferenceIsKeptAsWritten() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("X", "x"));

        Map<String, String> values = r.values("S", ordered(
                "a", "cost: $5 {braces}",
                "b", "${ X}",
                "c", "${X",
                "d", "$${X}",
                "e", "${1X}"));

        assertThat(values).containsEntry("a", "cost: $5 {braces}").containsEntry("b", "${ X}").containsEntry("c", "${X")
                .containsEntry("d", "$x").containsEntry("e", "${1X}");
    }

    @Test
    void aMissingVariableNamesStreamKeyOriginAndVariable() {
        OptionResolver r = new OptionResolver(new AppConfig("conf/eventflux.toml", Map.of(),
                Map.of("Orders", Map.of("kafka.sasl.jaas.config", "password=\"${KAFKA_PASS}\""))), Map.of());

        assertThatThrownBy(() -> r.resolve("Orders", Map.of("kafka.topic", "${TOPIC}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("stream Orders: option 'kafka.topic' (from SQL WITH) uses ${TOPIC}, which is not set and has no default")
                .hasMessageContaining("stream Orders: option 'kafka.sasl.jaas.config' (from conf/eventflux.toml [streams.Orders]) uses ${KAFKA_PASS}")
                .hasMessageContaining("${KAFKA_PASS:default}");
    }

    @Test
    void aMissingVariableInTheApplicationTableNamesIt() {
        OptionResolver r = new OptionResolver(new AppConfig("app.yaml", Map.of("http.auth.token", "${API_TOKEN}"), Map.of()),
                Map.of());

        assertThatThrownBy(() -> r.resolve("Hook", Map.of("type", "source")))
                .hasMessage("stream Hook: option 'http.auth.token' (from app.yaml [application]) uses ${API_TOKEN}, "
                        + "which is not set and has no default; set the variable or write ${API_TOKEN:default}");
        // a stream without a type never reads the application table, so its variables are not needed
        assertThat(r.resolve("Plain", Map.of())).isEmpty();
    }

    @Test
    void displayValueRedactsSecretKeysAndValuesReadFromSecretVariables() {
        OptionResolver r = new OptionResolver(AppConfig.empty(), Map.of("KAFKA_PASSWORD", "hunter2", "HOST", "h"));

        Map<String, ResolvedOption> options = r.resolve("S", ordered(
                "kafka.sasl.jaas.config", "user=\"u\" password=\"${KAFKA_PASSWORD}\"",
                "http.url", "https://u:${KAFKA_PASSWORD}@${HOST}/x",
                "http.host", "${HOST}"));

        assertThat(options.get("kafka.sasl.jaas.config").value()).contains("hunter2");
        assertThat(options.get("kafka.sasl.jaas.config").displayValue()).isEqualTo(Secrets.REDACTED);
        assertThat(options.get("http.url").displayValue()).isEqualTo(Secrets.REDACTED);
        assertThat(options.get("http.host").displayValue()).isEqualTo("h");
    }

    @Test
    void appConfigKeepsTheFileOrderAndRejectsNulls() {
        Map<String, String> app = ordered("z", "1", "a", "2", "m", "3");
        AppConfig config = new AppConfig("f", app, Map.of());

        assertThat(config.application().keySet()).containsExactly("z", "a", "m");
        assertThat(config.stream("nope")).isEmpty();
        Map<String, String> withNull = new LinkedHashMap<>();
        withNull.put("k", null);
        assertThatThrownBy(() -> new AppConfig("f", withNull, Map.of())).hasMessageContaining("'k'");
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }
}
