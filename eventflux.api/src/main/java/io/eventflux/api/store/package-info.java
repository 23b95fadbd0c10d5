/**
 * The store SPI: {@link io.eventflux.api.store.TableStoreFactory table stores} hold the rows of
 * {@code CREATE TABLE} (in memory, JDBC, cache) and
 * {@link io.eventflux.api.store.PersistenceStoreFactory persistence stores} keep app snapshots ({@link
 * io.eventflux.api.store.RevisionChain} says which revisions depend on which).
 */
@Export
@Version("2.1.0")
package io.eventflux.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
