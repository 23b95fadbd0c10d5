package io.eventflux.engine.internal.app;

import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.api.extension.Extension;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Tells a compile failure caused by missing extensions (the app should wait for them) from one the user
 * must fix. Only when every error is an unknown window, aggregator, function or function library is the
 * app waiting; the names come back as {@code type:name}. At deploy, an unknown name close to an available
 * one ("did you mean 'upper'?") is taken for a typo and fails the deploy; an app that ran before waits
 * whatever the name (its extension left).
 */
public final class MissingExtensions {
    private MissingExtensions() {
    }

    /**
     * The missing extensions, or an empty set when some error is not about a missing extension.
     *
     * @param typosFail whether a name with a "did you mean" suggestion counts as a typo (empty set)
     */
    public static Set<String> of(CompileException e, boolean typosFail) {
        Set<String> out = new LinkedHashSet<>();
        for (CompileError error : e.errors()) {
            if (typosFail && error.suggestion() != null && error.suggestion().startsWith("did you mean")) {
                return Set.of();
            }
            String name = missing(error);
            if (name == null) {
                return Set.of();
            }
            out.add(name);
        }
        return out;
    }

    private static String missing(CompileError error) {
        String m = error.message();
        String offending = error.offendingName();
        if (offending == null || offending.isBlank()) {
            return null;
        }
        if (m.startsWith("unknown window '")) {
            return Extension.WINDOW + ":" + offending;
        }
        if (m.startsWith("unknown aggregator '")) {
            return Extension.AGGREGATOR + ":" + offending;
        }
        if (m.startsWith("unknown function library '")) {
            return Extension.FUNCTION + ":" + offending;
        }
        if (m.startsWith("unknown function '")) {
            // "unknown function 'lib:name'" or "unknown function 'name'"
            String quoted = m.substring("unknown function '".length(), m.indexOf('\'', "unknown function '".length()));
            return Extension.FUNCTION + ":" + quoted;
        }
        return null;
    }
}
