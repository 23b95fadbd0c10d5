/**
 * The EventFlux SQL compiler: text to an immutable AST, then validated and typed against a
 * {@link io.eventflux.sql.Catalog} of extensions into an {@link io.eventflux.sql.plan.AppPlan} that the
 * engine deploys. Depends on {@code eventflux.api} only.
 */
@Export
@Version("1.3.0")
package io.eventflux.sql;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
