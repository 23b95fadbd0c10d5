/**
 * Building blocks for {@link io.eventflux.api.aggregator.Aggregator} implementations: multiplicity
 * counting for {@code DISTINCT} aggregates with removal ({@link DistinctValues}), numerically stable
 * running moments ({@link RunningMoments}), argument validation with the standard error messages
 * ({@link AggregatorArguments}), and ready-made aggregators for the families that differ only by a
 * direction or a final step: sum/mean ({@link SumAggregator}), smallest/largest with removal ({@link ExtremeAggregator}), smallest/largest
 * ever ({@link ForeverExtremeAggregator}), oldest/newest ({@link ArrivalOrderAggregator}), logical
 * and/or ({@link LogicalAggregator}), variance/standard deviation ({@link MomentsAggregator}).
 * Every snapshot is made of JDK types only, so a persistence store can deserialize it without seeing
 * the extension's classes.
 */
@Export
@Version("1.0.0")
package io.eventflux.extension.support.aggregator;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
