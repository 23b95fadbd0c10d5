/**
 * Building blocks for {@link io.eventflux.api.store.TableStore} implementations: a complete in-memory
 * table store with a primary-key hash map and secondary hash indexes, conditions served from the key,
 * an index or a scan, and snapshots as plain JDK lists ({@link IndexedRows}); a store that orders or
 * bounds its rows wraps one and follows additions, removals and finds through a
 * {@link IndexedRows.Listener}; the validation of a table's key and index columns
 * ({@link IndexedRows#requireColumns}).
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.store;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
