package io.eventflux.connector.tcp.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'tcp'} sinks: a TCP client writing line or length-prefixed frames, reconnecting. */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "tcp",
        description = "TCP out: connects to tcp.host:tcp.port and writes each payload as a frame (a line, or 4-byte "
                + "big-endian length + bytes), one write per chunk. A lost peer is reconnected with exponential "
                + "backoff and the chunk sent again; after the last attempt the events go to the error strategy.",
        parameters = {"tcp.host: STRING = 127.0.0.1, the peer's host",
            "tcp.port: INT required, the peer's port",
            "tcp.framing: STRING = line, line (a payload holding a line break is refused) or length",
            "tcp.connect.timeout.ms: LONG = 5000, the longest one connection attempt may take",
            "tcp.retry.max-attempts: INT = 5, attempts to send a chunk, reconnecting, the first included",
            "tcp.retry.initial-delay: LONG = 100, ms before the first retry, doubled for each next one",
            "tcp.retry.max-delay: LONG = 10000, the longest wait between attempts"})
public final class TcpSinkFactory implements SinkFactory {
    /** The DS and plain-Java constructor. */
    public TcpSinkFactory() {
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new TcpSink(SinkSettings.of(spec));
    }
}
