package io.eventflux.function.string.internal;

import static io.eventflux.api.AttributeType.BOOL;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.STRING;

import io.eventflux.api.extension.Extension;
import io.eventflux.api.function.FunctionDefinition;
import io.eventflux.api.function.FunctionFactory;
import io.eventflux.api.function.FunctionSpec;
import io.eventflux.extension.support.function.FunctionTable;
import java.util.Locale;
import java.util.Set;
import org.osgi.service.component.annotations.Component;

/**
 * The {@code string} library. Positions are 1-based and count UTF-16 chars, as Java strings do; a NULL
 * argument gives NULL.
 */
@Component(service = FunctionFactory.class)
@Extension(type = Extension.FUNCTION, name = "string", description = "String functions", parameters = {
        "upper(s): s in upper case, STRING",
        "lower(s): s in lower case, STRING",
        "length(s): number of characters, INT",
        "concat(a, b, ...): the arguments formatted and joined, NULL if any is NULL, STRING",
        "replace(s, from, to): s with every occurrence of from replaced by to, STRING",
        "trim(s): s without leading and trailing white space, STRING",
        "ltrim(s): s without leading white space, STRING",
        "rtrim(s): s without trailing white space, STRING",
        "left(s, n: INT|LONG): the first n characters, STRING",
        "right(s, n: INT|LONG): the last n characters, STRING",
        "reverse(s): s backwards, STRING",
        "repeat(s, n: INT|LONG): s repeated n times, STRING",
        "position(needle, haystack): 1-based position of needle in haystack, 0 if absent, INT",
        "locate(needle, haystack[, start: INT|LONG]): position searching from start, INT",
        "instr(haystack, needle): position of needle in haystack (MySQL order), INT",
        "ascii(s): code point of the first character, NULL for '', INT",
        "chr(n: INT|LONG): the character with code point n, STRING",
        "substring(s, start: INT|LONG[, length: INT|LONG]): 1-based substring as in standard SQL, STRING",
        "substr(s, start[, length]): same as substring",
        "lpad(s, length: INT|LONG[, pad]): s left-padded with pad (default ' ') or cut to length, STRING",
        "rpad(s, length: INT|LONG[, pad]): s right-padded with pad (default ' ') or cut to length, STRING",
        "startsWith(s, prefix): BOOL",
        "endsWith(s, suffix): BOOL",
        "contains(s, part): BOOL",
        "regexMatch(s, regex): whether the whole of s matches the Java regex, BOOL",
        "split(s, delimiter): the parts between literal delimiters, OBJECT (java.util.List<String>)",
        "split(s, delimiter, index: INT|LONG): the 0-based index-th part, NULL when absent, STRING"})
@aQute.bnd.annotation.spi.ServiceProvider(value = FunctionFactory.class, resolution = aQute.bnd.annotation.Resolution.OPTIONAL)
public final class StringFunctions implements FunctionFactory {
    private final FunctionTable table = new FunctionTable("string")
            .add("upper", call -> Text.unary(call, STRING, s -> s.toUpperCase(Locale.ROOT)))
            .add("lower", call -> Text.unary(call, STRING, s -> s.toLowerCase(Locale.ROOT)))
            .add("length", call -> Text.unary(call, INT, String::length))
            .add("concat", Concat::define)
            .add("replace", Searching::replace)
            .add("trim", call -> Text.unary(call, STRING, String::strip))
            .add("ltrim", call -> Text.unary(call, STRING, String::stripLeading))
            .add("rtrim", call -> Text.unary(call, STRING, String::stripTrailing))
            .add("left", call -> Text.withCount(call, Slicing::left))
            .add("right", call -> Text.withCount(call, Slicing::right))
            .add("reverse", call -> Text.unary(call, STRING, s -> new StringBuilder(s).reverse().toString()))
            .add("repeat", call -> Text.withCount(call, Slicing::repeat))
            .add("position", call -> Searching.position(call, false))
            .add("locate", Searching::locate)
            .add("instr", call -> Searching.position(call, true))
            .add("ascii", call -> Text.unary(call, INT, s -> s.isEmpty() ? null : s.codePointAt(0)))
            .add("chr", Text::chr)
            .add("substring", Slicing::substring)
            .add("substr", Slicing::substring)
            .add("lpad", call -> Slicing.pad(call, true))
            .add("rpad", call -> Slicing.pad(call, false))
            .add("startsWith", call -> Text.binary(call, BOOL, String::startsWith))
            .add("endsWith", call -> Text.binary(call, BOOL, String::endsWith))
            .add("contains", call -> Text.binary(call, BOOL, String::contains))
            .add("regexMatch", RegexMatch::define)
            .add("split", Split::define);

    @Override
    public Set<String> names() {
        return table.names();
    }

    @Override
    public FunctionDefinition define(FunctionSpec spec) {
        return table.define(spec);
    }
}
