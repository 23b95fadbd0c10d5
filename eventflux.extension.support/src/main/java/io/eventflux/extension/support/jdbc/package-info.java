/**
 * Building blocks for bundles that talk to databases over JDBC (the jdbc table store, the jdbc
 * persistence store): {@link JdbcDrivers}, the drivers a bundle connects with (the {@code java.sql.Driver}
 * services of the OSGi whiteboard, then {@link java.sql.DriverManager} outside OSGi), and the redaction of
 * passwords from URLs and messages.
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.jdbc;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
