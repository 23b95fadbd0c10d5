/**
 * Managing a running EventFlux: the {@link io.eventflux.api.management.EventFluxManagement} service and
 * the small records it returns. The Gogo commands ({@code eventflux:apps}, {@code status}, {@code stats},
 * ...) and the REST API render these same records, as tables and as JSON.
 *
 * <p>Every record is an immutable snapshot taken when the method was called; counters are totals since the
 * app's current run started (they restart at zero when the app is rebuilt after an extension change).
 */
@Export
@Version("1.2.0")
package io.eventflux.api.management;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
