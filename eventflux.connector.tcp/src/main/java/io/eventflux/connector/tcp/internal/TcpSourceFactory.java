package io.eventflux.connector.tcp.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'tcp'} sources: a TCP server reading line or length-prefixed frames. */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "tcp",
        description = "TCP in: a server on tcp.host:tcp.port; each frame (a line, or 4-byte big-endian length + "
                + "bytes) is one payload. One reader thread per connection with blocking reads: a full app stops the "
                + "reading and the senders' writes block. Connections over tcp.max.connections are refused and "
                + "logged; frames over tcp.max.frame.bytes go to the error strategy with the peer's address.",
        parameters = {"tcp.host: STRING = 127.0.0.1, the interface to listen on (0.0.0.0 for all)",
            "tcp.port: INT required, the port",
            "tcp.framing: STRING = line, line (\\n ends a frame, a \\r before it is dropped) or length (4-byte "
                    + "big-endian length, then the bytes)",
            "tcp.max.connections: INT = 16, connections served at once; more are refused with a message",
            "tcp.max.frame.bytes: INT = 1048576, longer frames go to error.strategy; an over-long length "
                    + "prefix also closes that connection"})
public final class TcpSourceFactory implements SourceFactory {
    /** The DS and plain-Java constructor. */
    public TcpSourceFactory() {
    }

    @Override
    public Source create(ConnectorSpec spec) {
        return new TcpServerSource(SourceSettings.of(spec));
    }
}
