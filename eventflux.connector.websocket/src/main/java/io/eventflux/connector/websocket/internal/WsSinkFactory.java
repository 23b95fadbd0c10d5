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
        parameters = {"websocket.url: STRING required, the ws:// or wss:// URL",
            "websocket.headers.<Name>: STRING = (none), a header of the upgrade request",
            "websocket.message.type: STRING = (text; binary with format = 'bytes'), text or binary",
            "websocket.connect.timeout.ms: LONG = 10000, the longest a connection or one send may take",
            "websocket.retry.max-attempts: INT = 5, attempts to send one message, reconnecting, the first included",
            "websocket.retry.initial-delay: LONG = 100, ms before the first retry, doubled for each next one",
            "websocket.retry.max-delay: LONG = 10000, the longest wait between attempts"})
public final class WsSinkFactory implements SinkFactory {
    /** The DS and plain-Java constructor. */
    public WsSinkFactory() {
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new WsSink(SinkSettings.of(spec));
    }
}
