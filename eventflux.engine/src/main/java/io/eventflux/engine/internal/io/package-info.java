/**
 * The engine side of connectors (SQL.md section 7): {@link io.eventflux.engine.internal.io.Connectors} builds
 * an app's {@link io.eventflux.engine.internal.io.SourceRuntime sources} and
 * {@link io.eventflux.engine.internal.io.SinkRuntime sinks} from their resolved options
 * ({@link io.eventflux.engine.internal.io.ConnectorOptions}) and runs their lifecycle; failed events go to
 * the stream's error strategy (drop, retry, dead-letter stream, fail); connections are retried in the
 * background on the runtime's {@link io.eventflux.engine.internal.io.ConnectorThreads}.
 */
package io.eventflux.engine.internal.io;
