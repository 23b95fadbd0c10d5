/**
 * Building blocks for {@link io.eventflux.api.window.Window} implementations: snapshots of held
 * events as plain JDK arrays ({@link EventArrays}), which a persistence store can deserialize without
 * seeing the window's classes; a FIFO of events that each fall due a fixed span after their
 * timestamp, with at most one outstanding timer ({@link TimedEventQueue}: time, delay and timeLength
 * windows); the two buffers of tumbling batch windows ({@link TumblingBatches}); a whole tumbling batch
 * window whose batches end on a schedule ({@link ScheduledBatchWindow}: timeBatch, cron); event keys made of
 * attribute values ({@link KeyExtractor}); the validation of event counts ({@link WindowArguments}).
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.window;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
