package io.eventflux.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.eventflux.api.AttributeType;
import io.eventflux.api.CompileError;
import io.eventflux.api.CompileException;
import io.eventflux.sql.plan.PatternInput;
import io.eventflux.sql.plan.QueryPlan;
import io.eventflux.sql.plan.TypedExpr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The analysis of PATTERN / SEQUENCE queries into {@link PatternInput} plans, and its errors. */
class PatternCompileTest {
    private static final String STREAMS = """
            CREATE STREAM A (id INT, price DOUBLE);
            CREATE STREAM B (id INT, price DOUBLE);
            """;

    private final SqlCompiler compiler = new SqlCompiler(new TestCatalog());

    private QueryPlan query(String sql) throws CompileException {
        return compiler.compile(STREAMS + sql).queries().get(0);
    }

    private CompileError only(String sql) {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(STREAMS + sql));
        assertThat(e).as("expected a compile error for:%n%s", sql).isNotNull();
        assertThat(e.errors()).hasSize(1);
        return e.errors().get(0);
    }

    @Test
    void sequenceWithEveryGroupsQuantifiersAndLogicalSteps() throws Exception {
        PatternInput in = (PatternInput) query("""
                SELECT e1[last].price AS p, count(e1) AS n, avg(e1.price) AS a, e2.id AS b, e3.id AS c
                FROM SEQUENCE (EVERY (e1=A[price > 1]{2,} -> e2=B AND e3=A)) WITHIN 5 EVENTS;
                """).input();
        assertThat(in.sequence()).isTrue();
        assertThat(in.withinEvents()).isEqualTo(5);
        assertThat(in.elements()).extracting(PatternInput.Element::min).containsExactly(2, 1, 1);
        assertThat(in.elements().get(0).max()).isEqualTo(PatternInput.UNBOUNDED);
        assertThat(in.root()).isEqualTo(new PatternInput.Every(new PatternInput.FollowedBy(List.of(
                new PatternInput.Step(0), new PatternInput.Logical(true, new PatternInput.Step(1),
                        new PatternInput.Step(2))))));
    }

    @Test
    void indexedReferencesAndPerMatchAggregates() throws Exception {
        QueryPlan q = query("""
                SELECT e1[0].price AS first, e1[last-1].price AS prev, count(e1) AS n, avg(e1.price) AS a,
                       sum(e2.price) AS running
                FROM PATTERN (e1=A{2,3} -> e2=B);
                """);
        assertThat(q.selector().columns().get(0).expression())
                .isEqualTo(new TypedExpr.EventRef(0, 0, false, 1, "price", AttributeType.DOUBLE));
        assertThat(q.selector().columns().get(1).expression())
                .isEqualTo(new TypedExpr.EventRef(0, 1, true, 1, "price", AttributeType.DOUBLE));
        TypedExpr.ElementAggregate count = (TypedExpr.ElementAggregate) q.selector().columns().get(2).expression();
        assertThat(count.input()).isZero();
        assertThat(count.argument()).isNull();
        assertThat(count.type()).isEqualTo(AttributeType.LONG);
        TypedExpr.ElementAggregate avg = (TypedExpr.ElementAggregate) q.selector().columns().get(3).expression();
        assertThat(avg.argument()).isEqualTo(new TypedExpr.AttributeRef(0, 1, "price", AttributeType.DOUBLE));
        // an aggregate over a plain element is an ordinary (running) selector aggregate
        assertThat(q.selector().aggregates()).hasSize(1);
    }

    @Test
    void absentElementsAndTheMaxPartialMatchesOption() throws Exception {
        PatternInput in = (PatternInput) compiler.compile("@app:pattern(max.partial.matches = 50)\n" + STREAMS
                + "SELECT e1.id AS a FROM PATTERN (e1=A -> NOT B[price > e1.price] FOR 5 SECONDS);")
                .queries().get(0).input();
        assertThat(in.maxPartialMatches()).isEqualTo(50);
        assertThat(in.elements().get(1).absent()).isTrue();
        assertThat(in.elements().get(1).forMillis()).isEqualTo(5000);
        assertThat(in.elements().get(1).filter()).isNotNull();
    }

    @Test
    void unqualifiedNamesInAnElementFilterAreTheElementsOwn() throws Exception {
        PatternInput in = (PatternInput) query("SELECT e2.id AS b FROM PATTERN (e1=A -> e2=B[price > e1.price]);")
                .input();
        assertThat(in.elements().get(1).filter()).isEqualTo(new TypedExpr.Binary(TypedExpr.BinaryOp.GT,
                new TypedExpr.AttributeRef(1, 1, "price", AttributeType.DOUBLE),
                new TypedExpr.AttributeRef(0, 1, "price", AttributeType.DOUBLE), AttributeType.BOOL));
    }

    @Test
    void aFilterCannotReadALaterElement() {
        CompileError e = only("SELECT e1.id FROM PATTERN (e1=A[price > e2.price] -> e2=B);");
        assertThat(e.message()).isEqualTo("unknown stream or alias 'e2'");
        assertThat(e.line()).isEqualTo(3);
    }

    @Test
    void selectMustQualifyAmbiguousNames() {
        CompileError e = only("SELECT id FROM PATTERN (e1=A -> e2=B);");
        assertThat(e.message()).contains("ambiguous");
    }

    @Test
    void unknownStreamInAPatternSuggests() {
        CompileError e = only("SELECT e1.id FROM PATTERN (e1=AA -> e2=B);");
        assertThat(e.message()).isEqualTo("unknown stream 'AA'");
        assertThat(e.suggestion()).contains("'A'");
    }

    @Test
    void structuralErrors() {
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A -> e1=B);").message()).contains("used twice");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A -> e2=B?);").message())
                .isEqualTo("a pattern cannot end with an element that may match no event");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A -> NOT B);").message()).contains("needs FOR");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A -> NOT B OR e2=B);").message())
                .contains("only as NOT S AND e=T");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A{2} AND e2=B);").message()).contains("two single elements");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A{3,2} -> e2=B);").message()).contains("invalid count");
        assertThat(only("SELECT e1.id FROM PATTERN (e1=A+ -> NOT B FOR 1 SECOND);").message())
                .contains("cannot follow an element with a count range");
        assertThat(only("SELECT avg(e1) AS x FROM PATTERN (e1=A{2} -> e2=B);").message())
                .contains("needs an attribute");
    }

    @Test
    void badMaxPartialMatches() {
        CompileException e = catchThrowableOfType(CompileException.class, () -> compiler.compile(
                "@app:pattern(max.partial.matches = 'lots')\n" + STREAMS + "SELECT e1.id FROM PATTERN (e1=A -> e2=B);"));
        assertThat(e.errors().get(0).message()).contains("pattern.max.partial.matches");
    }

    @Test
    void indexedReferencesOutsidePatternsAreErrors() {
        assertThat(only("SELECT e1[0].id FROM A;").message()).contains("only valid in a pattern query");
    }
}
