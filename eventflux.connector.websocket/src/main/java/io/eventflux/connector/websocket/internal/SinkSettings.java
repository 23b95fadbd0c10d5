package io.eventflux.connector.websocket.internal;

import io.eventflux.api.io.ConnectorSpec;
import java.util.Locale;

/**
 * A websocket sink: the client's settings, the message type and the retries.
 *
 * @param client where it connects
 * @param binary whether payloads go out as binary messages (else text)
 * @param retry how a failed send is retried (reconnecting) before the error strategy gets it
 */
record SinkSettings(ClientSettings client, boolean binary, RetryPolicy retry) {
    static SinkSettings of(ConnectorSpec spec) {
        ClientSettings client = ClientSettings.of(spec);
        String type = spec.option(WsKeys.MESSAGE_TYPE, client.bytes() ? "binary" : "text").trim()
                .toLowerCase(Locale.ROOT);
        if (!type.equals("text") && !type.equals("binary")) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + WsKeys.MESSAGE_TYPE
                    + "' must be text or binary, was '" + spec.option(WsKeys.MESSAGE_TYPE, "") + "'");
        }
        return new SinkSettings(client, type.equals("binary"), RetryPolicy.of(spec));
    }
}
