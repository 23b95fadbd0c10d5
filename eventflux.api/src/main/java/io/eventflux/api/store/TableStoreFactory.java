package io.eventflux.api.store;

import org.osgi.annotation.versioning.ConsumerType;

/** Creates table stores ({@code @Extension(type = "table-store", name = "jdbc")}). */
@ConsumerType
public interface TableStoreFactory {
    /** @throws IllegalArgumentException naming the bad option */
    TableStore create(TableSpec spec);
}
