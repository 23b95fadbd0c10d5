package io.eventflux.extension.support.aggregator;

import io.eventflux.api.AttributeType;
import io.eventflux.api.aggregator.AggregatorSpec;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;

/**
 * Validation of the usual single argument {@code name(value)}, with the standard error messages
 * (they name the aggregator as written and describe the argument found).
 */
public final class AggregatorArguments {
    private AggregatorArguments() {
    }

    /** The only argument; fails unless there is exactly one. */
    public static Argument single(AggregatorSpec spec) {
        int n = spec.arguments().size();
        if (n != 1) {
            throw new ExtensionException("aggregator '" + spec.name() + "' takes 1 argument: "
                    + spec.name() + "(value); got " + n);
        }
        return spec.arguments().get(0);
    }

    /** The only argument, of a numeric type (INT, LONG, FLOAT or DOUBLE). */
    public static Argument numeric(AggregatorSpec spec) {
        Argument arg = single(spec);
        if (!arg.type().isNumeric()) {
            throw new ExtensionException("aggregator '" + spec.name()
                    + "' parameter 'value' must be numeric (INT, LONG, FLOAT or DOUBLE), was " + arg.describe());
        }
        return arg;
    }

    /** The only argument, of a type whose values compare in natural order (anything but OBJECT). */
    public static Argument comparable(AggregatorSpec spec) {
        Argument arg = single(spec);
        if (arg.type() == AttributeType.OBJECT) {
            throw new ExtensionException("aggregator '" + spec.name() + "' parameter 'value' must be comparable "
                    + "(STRING, INT, LONG, FLOAT, DOUBLE or BOOL), was " + arg.describe());
        }
        return arg;
    }

    /** The only argument, of type BOOL. */
    public static Argument bool(AggregatorSpec spec) {
        Argument arg = single(spec);
        if (arg.type() != AttributeType.BOOL) {
            throw new ExtensionException("aggregator '" + spec.name() + "' parameter 'value' must be BOOL, was "
                    + arg.describe());
        }
        return arg;
    }
}
