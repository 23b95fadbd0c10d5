package io.eventflux.function.string.internal;

import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Argument;
import io.eventflux.api.extension.ExtensionException;
import io.eventflux.api.function.Function;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.extension.support.function.DefinedFunction;
import io.eventflux.extension.support.function.FunctionCall;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * regexMatch(s, regex): whether the whole of s matches (as Java's {@code String.matches} and Siddhi's
 * {@code str:regexp}). A constant regex is compiled once, and a bad one is a compile error; a regex that
 * varies per event is compiled when it changes, and a bad one gives NULL.
 */
final class RegexMatch implements Function {
    private String lastRegex;
    private Pattern lastPattern;

    static FunctionDefinition define(FunctionCall call) {
        call.arity(2, 2);
        call.exactly(0, AttributeType.STRING);
        call.exactly(1, AttributeType.STRING);
        Argument regex = call.argument(1);
        if (regex.isConstant() && regex.value() instanceof String r) {
            Pattern pattern = compile(call, r);
            return DefinedFunction.of(AttributeType.BOOL, a -> a[0] instanceof String s ? pattern.matcher(s).matches() : null);
        }
        return new DefinedFunction(AttributeType.BOOL, context -> new RegexMatch());
    }

    private static Pattern compile(FunctionCall call, String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new ExtensionException("function '" + call.name() + "' argument 2 is not a valid regular expression '"
                    + regex + "': " + e.getDescription() + " near index " + e.getIndex(), e);
        }
    }

    @Override
    public Object apply(Object[] arguments) {
        if (!(arguments[0] instanceof String s) || !(arguments[1] instanceof String regex)) {
            return null;
        }
        if (!regex.equals(lastRegex)) {
            lastRegex = regex;
            try {
                lastPattern = Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                lastPattern = null;
            }
        }
        return lastPattern == null ? null : lastPattern.matcher(s).matches();
    }
}
