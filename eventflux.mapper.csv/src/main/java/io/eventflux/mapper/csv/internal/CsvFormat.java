package io.eventflux.mapper.csv.internal;

import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.eventflux.extension.support.mapper.MapperOptions;

/** Delimiter and quote character. */
record CsvFormat(char delimiter, char quote) {
    static CsvFormat of(MapperOptions options) {
        char delimiter = options.character(CsvMapperFactory.DELIMITER, ',');
        char quote = options.character(CsvMapperFactory.QUOTE_CHAR, '"');
        if (delimiter == quote) {
            throw options.invalid(CsvMapperFactory.QUOTE_CHAR, String.valueOf(quote), "a character other than the delimiter");
        }
        return new CsvFormat(delimiter, quote);
    }

    CsvSchema apply(CsvSchema schema) {
        return schema.withColumnSeparator(delimiter).withQuoteChar(quote);
    }
}
