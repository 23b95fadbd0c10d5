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
        parameters = {"file.path: STRING required, the file to write (its directory must exist)",
            "file.append: BOOL = true, keep the file's content or empty it when the sink starts",
            "file.flush.interval.ms: LONG = 1000, how long lines may stay buffered (0: every chunk)",
            "file.rotate.size.bytes: LONG = 0, rotate before the file would grow past this size (0: off)",
            "file.rotate.interval.ms: LONG = 0, rotate a file open this long (0: off)"})
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
