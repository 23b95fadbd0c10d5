package io.eventflux.sql.internal.analysis;

import io.eventflux.api.extension.ParameterInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a window, aggregator or function takes, written from the extension's own parameter metadata
 * ({@link ParameterInfo}) for the errors of a call that does not fit: {@code length(size: INT|LONG)},
 * {@code timeBatch(duration: INT|LONG[, startTime: INT|LONG])}, {@code round(x) or round(x, n: INT|LONG) -> DOUBLE}.
 */
final class Signatures {
    /** "optional; ...", "any type, optional; ...": the meaning marks the parameter optional. */
    private static final Pattern OPTIONAL = Pattern.compile("(?:^|, )optional\\b", Pattern.CASE_INSENSITIVE);

    private Signatures() {
    }

    /**
     * The call form of a window or aggregator named {@code name} with these parameter entries; an entry whose
     * meaning says "optional" (first, or after the type words) is shown in brackets. Null without entries that name parameters.
     */
    static String ofParameters(String name, List<String> entries) {
        List<ParameterInfo> parameters = ParameterInfo.parseAll(entries).stream().filter(p -> !p.isSignature()).toList();
        if (parameters.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder(name).append('(');
        boolean first = true;
        for (ParameterInfo p : parameters) {
            boolean optional = OPTIONAL.matcher(p.description()).find() || p.hasDefault();
            String part = p.name() + (p.type().isEmpty() ? "" : ": " + p.type());
            String separator = first ? "" : ", ";
            sb.append(optional ? "[" + separator + part + "]" : separator + part);
            first = false;
        }
        return sb.append(')').toString();
    }

    /** The signatures of function {@code name} among a library's entries, joined by " or "; null if none. */
    static String ofFunction(String name, List<String> entries) {
        List<String> forms = new ArrayList<>();
        for (ParameterInfo p : ParameterInfo.parseAll(entries)) {
            if (p.isSignature() && p.name().equalsIgnoreCase(name)) {
                forms.add(p.signature() + (p.returnType() == null ? "" : " -> " + p.returnType()));
            }
        }
        return forms.isEmpty() ? null : String.join(" or ", forms);
    }

    /** "expected {@code signature}", or null. */
    static String expected(String signature) {
        return signature == null ? null : "expected " + signature;
    }
}
