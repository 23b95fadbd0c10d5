package io.eventflux.connector.websocket.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'websocket'} sinks: a WebSocket client sending one message per event, reconnecting. */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "websocket",
        description = "WebSocket out: connects to websocket.url and sends each payload as one text (or binary) "
                + "message, waiting until it is written. A closed or failed connection is reopened with exponential "
                + "backoff; after the last attempt the event goes to the error strategy.",
        parameters = {"websocket.url: STRING, the ws:// or wss:// URL (required)",
            "websocket.headers.<Name>: STRING, a header of the upgrade request",
            "websocket.message.type: STRING, text (default) or binary (default with format = 'bytes')",
            "websocket.connect.timeout.ms: LONG, the longest a connection or one send may take (default 10000)",
            "websocket.retry.max-attempts: INT, attempts to send one message, reconnecting, the first included (default 5)",
            "websocket.retry.initial-delay: LONG, ms before the first retry, doubled for each next one (default 100)",
            "websocket.retry.max-delay: LONG, the longest wait between attempts (default 10000)"})
public final class WsSinkFactory implements SinkFactory {
    /** The DS and plain-Java constructor. */
    public WsSinkFactory() {
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new WsSink(SinkSettings.of(spec));
    }
}
