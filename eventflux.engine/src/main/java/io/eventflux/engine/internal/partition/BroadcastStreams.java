package io.eventflux.engine.internal.partition;

import io.eventflux.sql.plan.InputPlan;
import io.eventflux.sql.plan.JoinInput;
import io.eventflux.sql.plan.PartitionPlan;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.StreamDef;
import io.eventflux.sql.plan.StreamInput;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The streams the queries of a partition read that are neither partitioned nor inner: the app's
 * unpartitioned streams, whose events every instance of the partition receives (SQL.md 3.8).
 */
final class BroadcastStreams {
    private BroadcastStreams() {
    }

    static Set<String> of(PartitionPlan plan) {
        Set<String> read = new LinkedHashSet<>();
        for (QueryPlan q : plan.queries()) {
            reads(q.input(), read);
        }
        for (PartitionPlan.Key k : plan.keys()) {
            read.remove(k.stream().name());
        }
        for (StreamDef s : plan.innerStreams()) {
            read.remove(s.name());
        }
        return read;
    }

    private static void reads(InputPlan input, Set<String> out) {
        if (input instanceof StreamInput s) {
            out.add(s.stream().name());
        } else if (input instanceof PatternInput p) {
            p.elements().forEach(e -> out.add(e.stream().name()));
        } else if (input instanceof JoinInput j) {
            for (JoinInput.Input in : j.inputs()) {
                if (in.kind() == JoinInput.Kind.STREAM) {
                    out.add(in.name());
                } else if (in.kind() == JoinInput.Kind.PATTERN) {
                    reads(in.pattern(), out);
                }
            }
        }
    }
}
