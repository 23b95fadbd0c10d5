package io.eventflux.api.store;

import java.util.Map;
import org.osgi.annotation.versioning.ConsumerType;

/** Creates persistence stores ({@code @Extension(type = "persistence-store", name = "file")}). */
@ConsumerType
public interface PersistenceStoreFactory {
    /** @throws IllegalArgumentException naming the bad option */
    PersistenceStore create(Map<String, String> options);
}
