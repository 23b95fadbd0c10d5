package io.eventflux.extension.support.window;

import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.window.WindowSpec;

/** Validation of common window parameters, with the standard error messages. */
public final class WindowArguments {
    private WindowArguments() {
    }

    /**
     * A positive count that fits an int (a number of events or keys, so never a duration).
     *
     * @param index the argument's position
     * @param parameter the parameter's name, for messages
     * @param unit what is counted, plural ("events", "keys"), for messages
     */
    public static int count(WindowSpec spec, int index, String parameter, String unit) {
        Argument arg = spec.argument(index, parameter);
        String what = "window '" + spec.name() + "' parameter '" + parameter + "'";
        if (arg.isDuration()) {
            throw new ExtensionException(what + " is a number of " + unit + ", not a duration, was " + arg.describe());
        }
        long count = arg.positiveLong(what);
        if (count > Integer.MAX_VALUE) {
            throw new ExtensionException(what + " must be at most " + Integer.MAX_VALUE + ", was " + count);
        }
        return (int) count;
    }
}
