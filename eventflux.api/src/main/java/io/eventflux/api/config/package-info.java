/**
 * Stream options from configuration files, their layering under SQL {@code WITH} keys, {@code ${VAR}}
 * substitution and redaction of secrets.
 */
@Export
@Version("1.0.0")
package io.eventflux.api.config;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
