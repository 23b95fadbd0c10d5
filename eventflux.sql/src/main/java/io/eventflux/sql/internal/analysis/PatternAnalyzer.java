package io.eventflux.sql.internal.analysis;

import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Identifier;
import io.eventflux.sql.internal.ast.Pattern;
import io.eventflux.sql.internal.ast.Select;
import io.eventflux.sql.internal.ast.Source;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.SourcePosition;
import io.eventflux.sql.plan.TypedExpr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code FROM PATTERN (...)} / {@code FROM SEQUENCE (...)} into a {@link PatternInput} and the scope its
 * SELECT resolves against (every element that is not absent, by its alias or stream name).
 *
 * <p>The app option {@code pattern.max.partial.matches} (written {@code @app:pattern(max.partial.matches = n)})
 * bounds the partial matches each pattern query keeps.
 */
final class PatternAnalyzer {
    static final String MAX_PARTIAL_MATCHES = "pattern.max.partial.matches";

    /** The analyzed input and the scope of the query's other clauses. */
    record Result(PatternInput plan, Scope scope) {
    }

    /** An element while its filter is not analyzed yet. */
    private record Draft(Identifier alias, Identifier stream, StreamSchema schema, io.eventflux.sql.internal.ast.Expr filter,
            int min, int max, boolean absent, long forMillis, SourcePosition pos) {
    }

    private final Symbols symbols;
    private final Errors errors;
    private final ExpressionAnalyzer expressions;
    private final ExtensionResolver extensions;
    private final Map<String, String> appOptions;

    PatternAnalyzer(Symbols symbols, Errors errors, ExpressionAnalyzer expressions, ExtensionResolver extensions,
            Map<String, String> appOptions) {
        this.symbols = symbols;
        this.errors = errors;
        this.expressions = expressions;
        this.extensions = extensions;
        this.appOptions = appOptions;
    }

    Result analyze(Source.PatternSource source, Select select) {
        return analyze(source, select.where());
    }

    /** @param whereExpr the WHERE over a match, or null (a pattern side of a join has none of its own) */
    Result analyze(Source.PatternSource source, io.eventflux.sql.internal.ast.Expr whereExpr) {
        List<Draft> drafts = new ArrayList<>();
        PatternInput.Node root = node(source.pattern(), drafts, false);
        checkStructure(root, drafts, source);
        Set<String> aliases = new HashSet<>();
        boolean[] counted = new boolean[drafts.size()];
        List<Scope.Input> inputs = new ArrayList<>();
        for (int k = 0; k < drafts.size(); k++) {
            Draft d = drafts.get(k);
            counted[k] = d.min() != 1 || d.max() != 1;
            if (d.alias() != null && !aliases.add(d.alias().text())) {
                errors.add(new CompileProblem(d.alias().pos(), "pattern reference '" + d.alias().text()
                        + "' is used twice", d.alias().text(), "give each element its own reference"));
            }
            inputs.add(new Scope.Input(k, d.alias() != null ? d.alias().text() : d.stream().text(),
                    d.alias() == null ? null : d.alias().text(), d.schema()));
        }
        PatternRefs refs = new PatternRefs(extensions, counted);
        List<PatternInput.Element> elements = new ArrayList<>();
        for (int k = 0; k < drafts.size(); k++) {
            Draft d = drafts.get(k);
            int own = k;
            TypedExpr filter = d.filter() == null ? null : errors.attempt(() -> filter(d, own, inputs, refs));
            elements.add(new PatternInput.Element(d.schema(), d.alias() == null ? null : d.alias().text(), filter,
                    d.min(), d.max(), d.absent(), d.forMillis()));
        }
        List<Scope.Input> visible = new ArrayList<>();
        for (int k = 0; k < drafts.size(); k++) {
            if (!drafts.get(k).absent()) {
                visible.add(inputs.get(k));
            }
        }
        Scope scope = new Scope(visible, null, refs);
        TypedExpr where = whereExpr == null ? null : errors.attempt(() -> {
            TypedExpr w = expressions.analyze(whereExpr, ExprContext.noAggregates(scope, "WHERE"));
            TypeRules.requireBool(w, "WHERE", whereExpr.pos());
            return w;
        });
        Pattern.Within within = source.within();
        long millis = within == null || within.millis() == null ? 0 : within.millis();
        long events = within == null || within.events() == null ? 0 : within.events();
        if (within != null && millis <= 0 && events <= 0) {
            errors.add(new CompileProblem(within.pos(), "WITHIN must be positive", "WITHIN", null));
        }
        Integer bound = errors.attempt(() -> maxPartialMatches(source.pos()));
        int max = bound == null ? 0 : bound;
        return new Result(new PatternInput(source.sequence(), elements, root, where, millis, events, max), scope);
    }

    /** An element's filter: its own event (unqualified names first) and the elements before it. */
    private TypedExpr filter(Draft d, int k, List<Scope.Input> inputs, PatternRefs refs) {
        List<Scope.Input> visible = new ArrayList<>(inputs.subList(0, k + 1));
        Scope scope = new Scope(visible, inputs.get(k), refs);
        TypedExpr t = expressions.analyze(d.filter(), ExprContext.noAggregates(scope, "a pattern element filter"));
        TypeRules.requireBool(t, "a pattern element filter", d.filter().pos());
        return t;
    }

    private int maxPartialMatches(SourcePosition pos) {
        String value = null;
        for (Map.Entry<String, String> e : appOptions.entrySet()) {
            if (e.getKey().equalsIgnoreCase(MAX_PARTIAL_MATCHES)) {
                value = e.getValue();
            }
        }
        if (value == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CompileProblem(pos, "option '" + MAX_PARTIAL_MATCHES + "' must be a positive integer, got '"
                + value + "'", MAX_PARTIAL_MATCHES, null);
    }

    // ------------------------------------------------------------------ structure

    private PatternInput.Node node(Pattern p, List<Draft> drafts, boolean insideLogical) {
        if (p instanceof Pattern.StreamElement s) {
            return new PatternInput.Step(element(s, drafts));
        }
        if (p instanceof Pattern.Absent a) {
            StreamSchema schema = schema(a.stream());
            drafts.add(new Draft(null, a.stream(), schema, a.filter(), 1, 1, true,
                    a.forDuration() == null ? 0 : a.forDuration().millis(), a.pos()));
            if (a.forDuration() != null && a.forDuration().millis() <= 0) {
                throw new CompileProblem(a.pos(), "the FOR duration of an absent element must be positive", "FOR",
                        null);
            }
            return new PatternInput.Step(drafts.size() - 1);
        }
        if (p instanceof Pattern.FollowedBy f) {
            List<PatternInput.Node> steps = new ArrayList<>();
            for (Pattern step : f.steps()) {
                PatternInput.Node n = node(step, drafts, false);
                if (n instanceof PatternInput.FollowedBy inner) {
                    steps.addAll(inner.steps());
                } else {
                    steps.add(n);
                }
            }
            return new PatternInput.FollowedBy(steps);
        }
        if (p instanceof Pattern.Every e) {
            return new PatternInput.Every(node(e.inner(), drafts, false));
        }
        boolean and = p instanceof Pattern.And;
        Pattern left = and ? ((Pattern.And) p).left() : ((Pattern.Or) p).left();
        Pattern right = and ? ((Pattern.And) p).right() : ((Pattern.Or) p).right();
        SourcePosition pos = and ? ((Pattern.And) p).pos() : ((Pattern.Or) p).pos();
        String op = and ? "AND" : "OR";
        PatternInput.Step l = side(left, drafts, op, pos);
        PatternInput.Step r = side(right, drafts, op, pos);
        return new PatternInput.Logical(and, l, r);
    }

    private PatternInput.Step side(Pattern p, List<Draft> drafts, String op, SourcePosition pos) {
        boolean plain = p instanceof Pattern.StreamElement s && s.quantifier() == null || p instanceof Pattern.Absent;
        if (!plain) {
            throw new CompileProblem(pos, op + " combines two single elements (e1=S[...] or NOT S[...])", op,
                    "write EVERY and count quantifiers outside the " + op);
        }
        return (PatternInput.Step) node(p, drafts, true);
    }

    private int element(Pattern.StreamElement s, List<Draft> drafts) {
        StreamSchema schema = schema(s.stream());
        int min = 1;
        int max = 1;
        if (s.quantifier() != null) {
            min = s.quantifier().min();
            max = s.quantifier().max() == Pattern.Quantifier.UNBOUNDED ? PatternInput.UNBOUNDED : s.quantifier().max();
            if (max < min || max == 0) {
                throw new CompileProblem(s.pos(), "invalid count {" + min + "," + s.quantifier().max() + "}",
                        s.stream().text(), "the maximum must be at least 1 and not below the minimum");
            }
        }
        drafts.add(new Draft(s.reference(), s.stream(), schema, s.filter(), min, max, false, 0, s.pos()));
        return drafts.size() - 1;
    }

    private StreamSchema schema(Identifier stream) {
        Symbols.Entry entry = symbols.require(stream);
        if (entry.kind() != Symbols.Kind.STREAM) {
            throw new CompileProblem(stream.pos(), "a pattern element must read a stream; '" + stream.text()
                    + "' is " + Symbols.kindName(entry.kind()), stream.text(), null);
        }
        return entry.schema();
    }

    /** Rules the state machine relies on: what may end a pattern, where NOT without FOR may stand. */
    private static void checkStructure(PatternInput.Node root, List<Draft> drafts, Source.PatternSource source) {
        List<PatternInput.Node> steps = root instanceof PatternInput.FollowedBy f ? f.steps() : List.of(root);
        PatternInput.Node last = unwrap(steps.get(steps.size() - 1));
        if (last instanceof PatternInput.Step s && drafts.get(s.element()).min() == 0) {
            Draft d = drafts.get(s.element());
            throw new CompileProblem(d.pos(), "a pattern cannot end with an element that may match no event",
                    d.stream().text(), "use + or {n,} instead of * or ?");
        }
        check(root, drafts, source);
    }

    private static PatternInput.Node unwrap(PatternInput.Node n) {
        while (n instanceof PatternInput.Every e) {
            n = e.inner();
        }
        if (n instanceof PatternInput.FollowedBy f) {
            return unwrap(f.steps().get(f.steps().size() - 1));
        }
        return n;
    }

    private static PatternInput.Node first(PatternInput.Node n) {
        while (n instanceof PatternInput.Every e) {
            n = e.inner();
        }
        return n instanceof PatternInput.FollowedBy f ? first(f.steps().get(0)) : n;
    }

    private static void check(PatternInput.Node n, List<Draft> drafts, Source.PatternSource source) {
        if (n instanceof PatternInput.Step s) {
            Draft d = drafts.get(s.element());
            if (d.absent() && d.forMillis() == 0) {
                throw new CompileProblem(d.pos(), "NOT " + d.stream().text() + " needs FOR <duration>, or AND with"
                        + " an element", d.stream().text(), "e.g. NOT " + d.stream().text()
                        + " FOR 5 SECONDS, or NOT " + d.stream().text() + " AND e2=T");
            }
        } else if (n instanceof PatternInput.FollowedBy f) {
            f.steps().forEach(s -> check(s, drafts, source));
            for (int i = 0; i + 1 < f.steps().size(); i++) {
                PatternInput.Node here = unwrap(f.steps().get(i));
                PatternInput.Node after = first(f.steps().get(i + 1));
                if (here instanceof PatternInput.Step s && drafts.get(s.element()).min() != drafts.get(s.element()).max()
                        && after instanceof PatternInput.Step a && drafts.get(a.element()).absent()) {
                    Draft d = drafts.get(a.element());
                    throw new CompileProblem(d.pos(), "an absent element cannot follow an element with a count range",
                            "NOT", "give the count one value, e.g. {2}");
                }
            }
        } else if (n instanceof PatternInput.Every e) {
            check(e.inner(), drafts, source);
        } else if (n instanceof PatternInput.Logical l) {
            Draft left = drafts.get(l.left().element());
            Draft right = drafts.get(l.right().element());
            if (left.absent() && right.absent() || (left.absent() || right.absent()) && !l.and()) {
                throw new CompileProblem(left.pos(), "an absent element combines only as NOT S AND e=T",
                        "NOT", null);
            }
            if (left.forMillis() > 0 || right.forMillis() > 0) {
                throw new CompileProblem(left.pos(), "NOT ... FOR inside AND is not supported; write NOT S FOR d"
                        + " as its own step", "FOR", null);
            }
        }
    }
}
