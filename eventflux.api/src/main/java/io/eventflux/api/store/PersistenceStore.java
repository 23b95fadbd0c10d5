package io.eventflux.api.store;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/** Keeps app snapshots by revision. Revisions sort in the order they were saved. */
@ConsumerType
public interface PersistenceStore {
    void save(String app, String revision, byte[] snapshot) throws IOException;

    Optional<byte[]> load(String app, String revision) throws IOException;

    /** The newest revision of an app, if any. */
    Optional<String> lastRevision(String app) throws IOException;

    /** All revisions of an app, oldest first. */
    List<String> revisions(String app) throws IOException;

    /** Removes every revision of an app. */
    void clear(String app) throws IOException;
}
