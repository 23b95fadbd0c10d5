package io.eventflux.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretsTest {
    @ParameterizedTest
    @ValueSource(strings = {"password", "db.password", "kafka.ssl.keystore.password", "kafka.ssl.key.password",
            "mqtt.Password", "http.auth.token", "TOKEN", "refresh_token", "aws.secret.key", "client_secret",
            "kafka.sasl.jaas.config", "kafka.sasl.mechanism", "sasl.oauthbearer.token.endpoint.url",
            "http.headers.Authorization", "gcp.credentials.json", "api.key", "x-apikey", "ssl.private.key",
            "DB_PASSWORD", "jdbc.pwd", "key.passphrase", "kafka.ssl.keystore.key",
            "kafka.schema.registry.basic.auth.user.info"})
    void keysNamingSecretsAreSecret(String key) {
        assertThat(Secrets.isSecret(key)).isTrue();
        assertThat(Secrets.redact(key, "hunter2")).isEqualTo(Secrets.REDACTED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"kafka.topic", "kafka.key", "kafka.bootstrap.servers", "http.url", "file.path",
            "json.mapping.user", "error.strategy", "type", "extension", "kafka.group.id", "kafka.ssl.keystore.location",
            "kafka.ssl.keystore.type", "kafka.ssl.truststore.certificates"})
    void otherKeysAreShownInClear(String key) {
        assertThat(Secrets.isSecret(key)).isFalse();
        assertThat(Secrets.redact(key, "value")).isEqualTo("value");
    }

    @Test
    void nullsAreHandled() {
        assertThat(Secrets.isSecret(null)).isFalse();
        assertThat(Secrets.redact("password", null)).isNull();
    }

    @Test
    void redactingAMapKeepsItsOrderAndHidesOnlySecrets() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("kafka.topic", "t");
        options.put("kafka.sasl.jaas.config", "org.apache.kafka...PlainLoginModule required password=\"p\";");
        options.put("http.auth.token", "abc");

        assertThat(Secrets.redact(options)).containsExactly(Map.entry("kafka.topic", "t"),
                Map.entry("kafka.sasl.jaas.config", Secrets.REDACTED), Map.entry("http.auth.token", Secrets.REDACTED));
    }
}
