package io.eventflux.mapper.csv.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.MapperFactory;
import io.eventflux.api.io.SinkMapper;
import io.eventflux.api.io.SourceMapper;
import io.eventflux.extension.support.mapper.AttributeValues;
import io.eventflux.extension.support.mapper.MapperOptions;
import org.osgi.service.component.annotations.Component;

/** {@code format = 'csv'}: delimited lines to events and back. */
@Component(service = MapperFactory.class)
@ServiceProvider(value = MapperFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.MAPPER, name = "csv",
        description = "CSV payloads: each line is one event; columns by position, header name or csv.mapping.",
        parameters = {"csv.delimiter: STRING = ',', one character ('\\t' for tab)",
            "csv.quote-char: STRING = '\"', one character",
            "csv.has-header: BOOL = false, the first line read is a header",
            "csv.header-names: STRING = (none), comma-separated column names",
            "csv.mapping.<attr>: STRING = (the attribute's position), 0-based column index or header name",
            "csv.include-header: BOOL = false, sink: the first payload starts with a header line"})
public final class CsvMapperFactory implements MapperFactory {
    static final String DELIMITER = "csv.delimiter";
    static final String QUOTE_CHAR = "csv.quote-char";
    static final String HAS_HEADER = "csv.has-header";
    static final String HEADER_NAMES = "csv.header-names";
    static final String MAPPING = "csv.mapping.";
    static final String INCLUDE_HEADER = "csv.include-header";

    /** Made on the first mapper an app asks for: building it loads Jackson, which start-up need not. */
    private CsvFactory csv;

    // Strict quoting: the fast check quotes every value below the highest special character (digits, with ';').
    private synchronized CsvFactory csv() {
        if (csv == null) {
            csv = CsvFactory.builder()
                    .enable(com.fasterxml.jackson.dataformat.csv.CsvParser.Feature.SKIP_EMPTY_LINES)
                    .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
                    .build();
        }
        return csv;
    }

    @Override
    public SourceMapper sourceMapper(ConnectorSpec spec) {
        MapperOptions options = new MapperOptions(spec);
        CsvFormat format = CsvFormat.of(options);
        ColumnLayout layout = ColumnLayout.of(spec, options.string(HEADER_NAMES));
        return new CsvSourceMapper(csv(), format, spec.stream(), layout, options.bool(HAS_HEADER, false),
                new AttributeValues(spec.stream().name(), null));
    }

    @Override
    public SinkMapper sinkMapper(ConnectorSpec spec) {
        MapperOptions options = new MapperOptions(spec);
        return new CsvSinkMapper(csv(), CsvFormat.of(options), spec.stream(), options.bool(INCLUDE_HEADER, false));
    }
}
