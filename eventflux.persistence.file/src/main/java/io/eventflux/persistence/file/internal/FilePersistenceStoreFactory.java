package io.eventflux.persistence.file.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.store.PersistenceStore;
import io.eventflux.api.store.PersistenceStoreFactory;
import java.nio.file.Path;
import java.util.Map;
import org.osgi.service.component.annotations.Component;

/** {@code persistence.store = 'file'}: each revision of an app is a file {@code <dir>/<app>/<revision>.snap}. */
@Component(service = PersistenceStoreFactory.class)
@ServiceProvider(value = PersistenceStoreFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.PERSISTENCE_STORE, name = "file",
        description = "Snapshots as files: written to a temporary file, synced and renamed (atomic), CRC32 "
                + "verified on load, the last N revisions kept.",
        parameters = {"dir: STRING required, the directory holding one folder per app",
            "keep: INT = 3, restorable revisions kept per app, with the revisions incremental ones depend on"})
public final class FilePersistenceStoreFactory implements PersistenceStoreFactory {
    static final String DIR = "dir";
    static final String KEEP = "keep";
    static final int DEFAULT_KEEP = 3;

    @Override
    public PersistenceStore create(Map<String, String> options) {
        String dir = options.get(DIR);
        if (dir == null || dir.isBlank()) {
            throw new IllegalArgumentException("persistence store 'file': option 'dir' is required (persistence.dir)");
        }
        int keep = DEFAULT_KEEP;
        String k = options.get(KEEP);
        if (k != null) {
            try {
                keep = Integer.parseInt(k.trim());
            } catch (NumberFormatException e) {
                keep = 0;
            }
            if (keep < 1) {
                throw new IllegalArgumentException("persistence store 'file': option 'keep' must be a positive "
                        + "integer, was '" + k + "'");
            }
        }
        return new FilePersistenceStore(Path.of(dir), keep);
    }
}
