package io.eventflux.connector.websocket.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code extension = 'websocket'} sources: a client of a WebSocket server (default) or a server endpoint
 * for any number of clients. Creating the factory loads no Jetty class.
 */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "websocket",
        description = "WebSocket in: each text or binary message is one payload. As a client (websocket.url; a lost "
                + "connection is reopened with the stream's backoff) or as a server endpoint (websocket.port and "
                + "websocket.path, any number of clients; sources on one port share one Jetty server). The next "
                + "message is read only once the app took the last one.",
        parameters = {"websocket.mode: STRING = client, client or server",
            "websocket.url: STRING required, client: the ws:// or wss:// URL",
            "websocket.headers.<Name>: STRING = (none), client: a header of the upgrade request",
            "websocket.connect.timeout.ms: LONG = 10000, client: the longest a connection may take",
            "websocket.host: STRING = 127.0.0.1, server: the interface to listen on (0.0.0.0 for all)",
            "websocket.port: INT required, server: the port; streams on one port share the server",
            "websocket.path: STRING = (/<stream name>), server: the exact path of this stream",
            "websocket.max.message.bytes: LONG = 1048576, larger messages close the connection (1009) and go to "
                    + "error.strategy",
            "websocket.idle.timeout.ms: LONG = 0, close a connection idle this long (0: never)"})
public final class WsSourceFactory implements SourceFactory {
    static final String CLIENT = "client";
    static final String SERVER = "server";

    private final WsServers servers;

    /** The plain-Java (ServiceLoader) constructor: this factory's own server registry. */
    public WsSourceFactory() {
        this(new WsServers());
    }

    /** The DS constructor: the bundle's server registry. */
    @Activate
    public WsSourceFactory(@Reference WsServers servers) {
        this.servers = servers;
    }

    @Override
    public Source create(ConnectorSpec spec) {
        String mode = spec.option(WsKeys.MODE, CLIENT).trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case CLIENT -> new WsClientSource(ClientSettings.of(spec));
            case SERVER -> new WsServerSource(ServerSettings.of(spec), servers);
            default -> throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + WsKeys.MODE + "' must be client or server, was '" + spec.option(WsKeys.MODE, "") + "'");
        };
    }
}
