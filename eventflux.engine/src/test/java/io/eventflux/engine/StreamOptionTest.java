package io.eventflux.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.engine.internal.io.Backoff;
import io.eventflux.engine.internal.io.ConnectorOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The defaults {@link StreamOption} documents are the ones the engine applies to a connector stream. */
class StreamOptionTest {
    private static final StreamSchema SCHEMA = new StreamSchema("S", List.of(new Attribute("v", AttributeType.INT)));

    @Test
    void aStreamWithOnlyTheRequiredKeysGetsTheDocumentedDefaults() {
        ConnectorOptions o = ConnectorOptions.parse("app", SCHEMA, Map.of("type", "sink", "extension", "log"));
        assertThat(String.valueOf(o.async())).isEqualTo(StreamOption.ASYNC_ENABLED.defaultValue());
        assertThat((long) o.bufferSize()).isEqualTo(StreamOption.ASYNC_BUFFER_SIZE.defaultLong());
        assertThat((long) o.batchSizeMax()).isEqualTo(StreamOption.ASYNC_BATCH_SIZE_MAX.defaultLong());
        assertThat((long) o.workers()).isEqualTo(StreamOption.ASYNC_WORKERS.defaultLong());
        assertThat(o.dropOnBackpressure()).isEqualTo(StreamOption.BACKPRESSURE.defaultValue().equals("drop"));
        assertThat(o.strategy().name()).isEqualToIgnoringCase(StreamOption.ERROR_STRATEGY.defaultValue());
        assertThat((long) o.maxAttempts()).isEqualTo(StreamOption.ERROR_RETRY_MAX_ATTEMPTS.defaultLong());
        assertThat(o.retryBackoff()).isEqualTo(new Backoff(
                Backoff.Kind.valueOf(StreamOption.ERROR_RETRY_BACKOFF.defaultValue().toUpperCase()),
                StreamOption.ERROR_RETRY_INITIAL_DELAY.defaultLong(), StreamOption.ERROR_RETRY_MAX_DELAY.defaultLong(), 0));
        assertThat(o.format()).isNull();
        assertThat(o.dlqStream()).isNull();
    }

    @Test
    void theRequiredAndAllowedValuesAreTheOnesChecked() {
        for (StreamOption required : StreamOption.ALL.stream().filter(StreamOption::required).toList()) {
            Map<String, String> options = new java.util.HashMap<>(Map.of("type", "source", "extension", "timer"));
            options.remove(required.key());
            assertThatThrownBy(() -> ConnectorOptions.parse("app", SCHEMA, options))
                    .hasMessageContaining("'" + required.key() + "' is required");
        }
        assertThatThrownBy(() -> ConnectorOptions.parse("app", SCHEMA,
                Map.of("type", "sink", "extension", "log", "error.strategy", "ignore")))
                .hasMessageContaining(StreamOption.ERROR_STRATEGY.allowed().stream().sorted().toList().toString());
        assertThat(StreamOption.ALL).extracting(StreamOption::key).doesNotHaveDuplicates();
    }
}
