package io.eventflux.connector.mqtt.internal;

import static io.eventflux.connector.mqtt.internal.Mosquitto.spec;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Validation and defaults of the mqtt.* WITH keys (no broker needed). */
class MqttOptionsTest {
    private static Map<String, String> base(String... more) {
        Map<String, String> o = new HashMap<>(Map.of("mqtt.topic", "sensors/+/temp, alarms/#"));
        for (int i = 0; i < more.length; i += 2) {
            o.put(more[i], more[i + 1]);
        }
        return o;
    }

    @Test
    void sourceDefaultsKeepTheSessionAtQos1() {
        MqttOptions o = MqttOptions.source(spec("S", base(), "v"));
        assertThat(o.url()).isEqualTo("tcp://localhost:1883");
        assertThat(o.topics()).containsExactly("sensors/+/temp", "alarms/#");
        assertThat(o.qos()).isEqualTo(1);
        assertThat(o.version()).isEqualTo(3);
        assertThat(o.cleanSession()).as("a persistent session").isFalse();
        assertThat(o.clientId()).isEqualTo("eventflux-app-S");
        assertThat(o.sessionExpirySeconds()).isEqualTo(86_400);
        assertThat(MqttOptions.source(spec("S", base("mqtt.version", "5"), "v")).version()).isEqualTo(5);
    }

    @Test
    void sinkDefaultsStartClean() {
        MqttOptions o = MqttOptions.sink(spec("S", base("mqtt.topic", "out/alerts", "mqtt.qos", "2",
                "mqtt.retain", "true"), "v"));
        assertThat(o.cleanSession()).isTrue();
        assertThat(o.clientId()).isEqualTo("eventflux-app-S-sink");
        assertThat(o.qos()).isEqualTo(2);
        assertThat(o.retain()).isTrue();
        assertThat(o.maxInflight()).isEqualTo(1000);
    }

    @Test
    void badOptionsNameTheStreamTheKeyAndTheValue() {
        assertThatThrownBy(() -> MqttOptions.source(spec("S", Map.of(), "v")))
                .hasMessageContaining("stream S").hasMessageContaining("'mqtt.topic' is required");
        assertThatThrownBy(() -> MqttOptions.source(spec("S", base("mqtt.topic", "a/#/b"), "v")))
                .hasMessageContaining("'mqtt.topic'").hasMessageContaining("'a/#/b'");
        assertThatThrownBy(() -> MqttOptions.source(spec("S", base("mqtt.topic", "a/b+"), "v")))
                .hasMessageContaining("'mqtt.topic'");
        assertThatThrownBy(() -> MqttOptions.source(spec("S", base("mqtt.qos", "3"), "v")))
                .hasMessageContaining("'mqtt.qos' must be between 0 and 2, was '3'");
        assertThatThrownBy(() -> MqttOptions.source(spec("S", base("mqtt.version", "4"), "v")))
                .hasMessageContaining("'mqtt.version' must be 3.1.1 or 5, was '4'");
        assertThatThrownBy(() -> MqttOptions.source(spec("S", base("mqtt.url", "localhost:1883"), "v")))
                .hasMessageContaining("'mqtt.url' must be a broker URL");
        assertThatThrownBy(() -> MqttOptions.sink(spec("S", base("mqtt.topic", "out/#"), "v")))
                .hasMessageContaining("one topic name without wildcards");
        assertThatThrownBy(() -> MqttOptions.sink(spec("S", base("mqtt.topic", "a,b"), "v")))
                .hasMessageContaining("one topic name without wildcards");
        assertThatThrownBy(() -> MqttOptions.sink(spec("S", base("mqtt.topic", "o", "mqtt.retain", "yes"), "v")))
                .hasMessageContaining("'mqtt.retain' must be true or false");
    }

    @Test
    void thePasswordIsRedacted() {
        MqttOptions o = MqttOptions.source(spec("S", base("mqtt.password", "hunter2", "mqtt.username", "u"), "v"));
        assertThat(o.password()).isEqualTo("hunter2");
        assertThat(o.toString()).doesNotContain("hunter2").contains("password=********");
        assertThat(o.where()).doesNotContain("hunter2");
        assertThat(o.invalid("mqtt.password", "hunter2", "x").getMessage()).doesNotContain("hunter2");
    }
}
