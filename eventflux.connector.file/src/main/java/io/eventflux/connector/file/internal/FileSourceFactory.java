package io.eventflux.connector.file.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'file'} on a source stream: reads or tails a file, one payload per line. */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "file",
        description = "Reads a file line by line (one payload per line), once or following appends; "
                + "survives rotation and truncation and resumes from its snapshot position.",
        parameters = {"file.path: STRING required, the file to read",
            "file.mode: STRING = read, read (once to the end, then idle) or tail (follow appended lines)",
            "file.start.position: STRING = beginning, beginning or end (tail: skip what the file holds at the first start)",
            "file.poll.interval.ms: LONG = 500, how often a tailing reader looks for new lines, rotation and truncation",
            "csv.has-header: BOOL = false, the first line of each file is a CSV header"})
public final class FileSourceFactory implements SourceFactory {
    @Override
    public Source create(ConnectorSpec spec) {
        return new FileSource(SourceOptions.of(spec));
    }
}
