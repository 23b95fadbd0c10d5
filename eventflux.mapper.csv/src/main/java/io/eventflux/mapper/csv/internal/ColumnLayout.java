package io.eventflux.mapper.csv.internal;

import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import java.util.Arrays;
import java.util.List;

/**
 * Which column feeds each attribute. {@code csv.mapping.<attr>} is a 0-based index or a header name;
 * otherwise an attribute takes the header column of its own name when there is a header (NULL when the
 * header has no such column), else the column at its own position.
 */
final class ColumnLayout {
    private final StreamSchema schema;
    private final String[] mappings; // per attribute: the csv.mapping value, or null
    private final List<String> headerNames; // from csv.header-names, or null

    private ColumnLayout(StreamSchema schema, String[] mappings, List<String> headerNames) {
        this.schema = schema;
        this.mappings = mappings;
        this.headerNames = headerNames;
    }

    /** @throws IllegalArgumentException for a mapping of an unknown attribute or to an unknown column */
    static ColumnLayout of(ConnectorSpec spec, String headerNames) {
        StreamSchema schema = spec.stream();
        String[] mappings = new String[schema.size()];
        spec.options().forEach((key, value) -> {
            if (key.startsWith(CsvMapperFactory.MAPPING)) {
                String attr = key.substring(CsvMapperFactory.MAPPING.length());
                int index = schema.indexOf(attr);
                if (index < 0) {
                    throw new IllegalArgumentException("stream " + schema.name() + ": option '" + key
                            + "' names unknown attribute '" + attr + "'; attributes are " + schema.names());
                }
                mappings[index] = value.trim();
            }
        });
        List<String> names = headerNames == null ? null
                : Arrays.stream(headerNames.split(",")).map(String::trim).toList();
        ColumnLayout layout = new ColumnLayout(schema, mappings, names);
        if (names != null) {
            layout.columns(names); // validates name mappings now
        }
        return layout;
    }

    /** The header from csv.header-names, or null. */
    List<String> configuredHeader() {
        return headerNames;
    }

    /**
     * Column index per attribute, -1 for none.
     *
     * @param header the header's column names, or null when there is none
     * @throws IllegalArgumentException naming a mapped header name the header does not have
     */
    int[] columns(List<String> header) {
        int[] columns = new int[schema.size()];
        for (int i = 0; i < columns.length; i++) {
            String m = mappings[i];
            if (m == null) {
                columns[i] = header == null ? i : header.indexOf(schema.attribute(i).name());
            } else if (isIndex(m)) {
                columns[i] = Integer.parseInt(m);
            } else {
                int byName = header == null ? -1 : header.indexOf(m);
                if (byName < 0) {
                    throw new IllegalArgumentException("stream " + schema.name() + ": option 'csv.mapping."
                            + schema.attribute(i).name() + "' = '" + m + "' is no column of the header " + header);
                }
                columns[i] = byName;
            }
        }
        return columns;
    }

    /** True when some attribute is mapped by header name (so a header is required). */
    boolean needsHeader() {
        return Arrays.stream(mappings).anyMatch(m -> m != null && !isIndex(m));
    }

    private static boolean isIndex(String m) {
        return !m.isEmpty() && m.chars().allMatch(Character::isDigit);
    }
}
