/**
 * The store SPI: {@link io.eventflux.api.store.TableStoreFactory table stores} hold the rows of
 * {@code CREATE TABLE} (in memory, JDBC, cache) and
 * {@link io.eventflux.api.store.PersistenceStoreFactory persistence stores} keep app snapshots.
 */
@Export
@Version("2.0.0")
package io.eventflux.api.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
