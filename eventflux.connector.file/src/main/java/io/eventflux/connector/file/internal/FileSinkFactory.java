package io.eventflux.connector.file.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Clock;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'file'} on a sink stream: one payload per line, buffered, rotated by size or time. */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "file",
        description = "Writes one payload per line to a file, buffered, optionally rotated by size or time.",
        parameters = {"file.path: STRING, the file to write (required; its directory must exist)",
            "file.append: BOOL, keep the file's content (default true) or empty it when the sink starts",
            "file.flush.interval.ms: LONG, how long lines may stay buffered (default 1000; 0: every chunk)",
            "file.rotate.size.bytes: LONG, rotate before the file would grow past this size (default 0: off)",
            "file.rotate.interval.ms: LONG, rotate a file open this long (default 0: off)"})
public final class FileSinkFactory implements SinkFactory {
    private final Clock clock;

    /** The DS and ServiceLoader constructor: rotation and flushing follow the system clock. */
    public FileSinkFactory() {
        this(System::currentTimeMillis); // the one wall-clock reading of this bundle
    }

    FileSinkFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new FileSink(SinkOptions.of(spec), clock);
    }
}
