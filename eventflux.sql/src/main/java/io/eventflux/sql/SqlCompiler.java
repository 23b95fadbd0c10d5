package io.eventflux.sql;

import io.eventflux.api.CompileException;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.analysis.AppAnalyzer;
import io.eventflux.sql.internal.analysis.ConditionAnalyzer;
import io.eventflux.sql.internal.analysis.OnDemandAnalyzer;
import io.eventflux.sql.internal.parser.SqlParser;
import io.eventflux.sql.plan.AppPlan;
import io.eventflux.sql.plan.ConditionPlan;
import io.eventflux.sql.plan.OnDemandPlan;
import java.util.Objects;

/**
 * Compiles EventFlux SQL (SQL.md) into an {@link AppPlan}: parses the text, then resolves streams,
 * attributes, windows, aggregators and functions against the {@link Catalog} and types every expression.
 *
 * <p>Output column names: the alias; else an attribute's own name; else {@code _col_N}, N being the
 * column's 0-based position in the star-expanded select list. A bare SELECT inserts into {@code OutputStream}.
 *
 * <p>Thread-safe: each call works on its own state; the catalog must be safe to read concurrently.
 */
public final class SqlCompiler {
    private final Catalog catalog;

    public SqlCompiler(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /**
     * Compiles one app script.
     *
     * @param sql the whole script
     * @return the validated, typed plan
     * @throws CompileException listing every error found, each with line, column, offending name and a
     *     suggestion where one exists; features this release does not run yet (patterns, partitions, ...)
     *     are errors saying "... is not supported yet"
     */
    public AppPlan compile(String sql) throws CompileException {
        try {
            return new AppAnalyzer(catalog).analyze(new SqlParser().parse(sql));
        } catch (CompileException e) {
            throw withSource(e, sql);
        }
    }

    /**
     * The name an app script declares ({@code @app:name('x')}; the last one if it declares several, as
     * {@link #compile} reads it), or null: read from the parsed script, without the analysis of names, types and
     * extensions a compile does. A runtime that names an app before compiling it needs no second compile.
     *
     * @throws CompileException for a syntax error, with line and column, as {@link #compile} reports it
     * @since 1.3
     */
    public static String declaredName(String sql) throws CompileException {
        try {
            return AppAnalyzer.declaredName(new SqlParser().parse(sql));
        } catch (CompileException e) {
            throw withSource(e, sql);
        }
    }

    /**
     * Parses a small script of the common statements (a stream with WITH options, an INSERT ... SELECT with a
     * window, a filter, a function call, GROUP BY): the parser's first use deserializes its grammar and builds
     * the prediction caches it shares with every later parse, about 100 ms of CPU. A command that is about to
     * compile an app calls this on another thread while the runtime still starts, so the app's own compile
     * finds the parser ready. Safe to call concurrently with {@link #compile}.
     *
     * @since 1.2
     */
    public static void warmUp() {
        try {
            new SqlParser().parse(WARM_UP);
        } catch (CompileException e) {
            throw new IllegalStateException("the warm-up script does not parse: " + e.getMessage(), e);
        }
    }

    static final String WARM_UP = """
            @app:name('WarmUp')
            CREATE STREAM S (symbol STRING, price DOUBLE, volume LONG, ok BOOL)
              WITH (type = 'source', extension = 'inMemory', inMemory.topic = 't');
            INSERT INTO Out SELECT symbol, price * 2 AS p, avg(price) AS a, count() AS c, upper(symbol) AS u
            FROM S WINDOW('length', 100)
            WHERE price > 10.5 AND NOT ok OR volume <= 3 AND symbol != 'x' GROUP BY symbol HAVING a > 1.0;
            """;

    /**
     * Compiles a window condition (the string argument of {@code WINDOW('expression', '...')}) against the
     * schema of the window's events. See {@link ConditionPlan} for what it may name and how it is laid out.
     *
     * @param condition the condition text
     * @param input the schema of the events the window receives
     * @return the typed condition with its aggregate calls
     * @throws CompileException for a syntax error, an unknown name (with a suggestion), a misplaced
     *     aggregate or a condition that is not BOOL; line and column are within {@code condition}
     * @since 1.1
     */
    public ConditionPlan compileCondition(String condition, StreamSchema input) throws CompileException {
        Objects.requireNonNull(input, "input");
        try {
            return new ConditionAnalyzer(catalog).analyze(condition,
                    new SqlParser().parseExpression(Objects.requireNonNull(condition, "condition")), input);
        } catch (CompileException e) {
            throw withSource(e, condition);
        }
    }

    /**
     * Compiles an on-demand query against the tables of an app (SQL.md 3.6).
     *
     * @param app the app's plan (its tables and streams are the names the query may use)
     * @param sql one {@code SELECT ... FROM <table> ...} statement
     * @throws CompileException as for {@link #compile(String)}, positions within {@code sql}
     */
    public OnDemandPlan compileQuery(AppPlan app, String sql) throws CompileException {
        try {
            return new OnDemandAnalyzer(catalog, app).analyze(new SqlParser().parse(sql));
        } catch (CompileException e) {
            throw withSource(e, sql);
        }
    }

    /** The same errors, with a message that shows each one's source line and a caret under its column. */
    private static CompileException withSource(CompileException e, String source) {
        CompileException rendered = new CompileException(e.errors(), source);
        rendered.setStackTrace(e.getStackTrace());
        return rendered;
    }
}
