package io.eventflux.sql.internal.analysis;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.ast.Statement;
import io.eventflux.sql.plan.TriggerPlan;
import java.util.regex.Pattern;

/**
 * {@code CREATE TRIGGER} into a {@link TriggerPlan}. A cron expression must have six fields, seconds
 * first, in Spring's dialect, as cron-utils (which the engine evaluates it with) reads it.
 */
final class TriggerAnalyzer {
    private static final Pattern CRON_FIELD = Pattern.compile("[0-9A-Za-z*/,?#\\-]+");
    /** The bundle that evaluates cron expressions, imported dynamically (see bnd.bnd). */
    private static final String CRON_BUNDLE = "com.cronutils.cron-utils";

    /** cron-utils' parser, loaded with the first cron trigger (a script without one never needs cron-utils). */
    private static final class Cron {
        static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

        private Cron() {
        }
    }

    private TriggerAnalyzer() {
    }

    static TriggerPlan trigger(Statement.CreateTrigger tr) {
        String name = tr.name().text();
        if (tr.schedule() instanceof Statement.AtEvery e) {
            if (e.period().millis() <= 0) {
                throw new CompileProblem(e.period().pos(), "the period of trigger '" + name + "' must be positive",
                        name, null);
            }
            return new TriggerPlan(name, TriggerPlan.Kind.EVERY, e.period().millis(), null, tr.pos());
        }
        if (tr.schedule() instanceof Statement.AtCron c) {
            return new TriggerPlan(name, TriggerPlan.Kind.CRON, 0, cron(c.expression(), tr), tr.pos());
        }
        return new TriggerPlan(name, TriggerPlan.Kind.START, 0, null, tr.pos());
    }

    private static String cron(String expression, Statement.CreateTrigger tr) {
        String[] fields = expression.trim().split("\\s+");
        if (fields.length != 6) {
            throw new CompileProblem(tr.pos(), "the cron expression '" + expression + "' of trigger '" + tr.name().text()
                    + "' has " + fields.length + " field(s); it needs 6: second minute hour day-of-month month "
                    + "day-of-week", tr.name().text(), "e.g. AT CRON '*/5 * * * * ?' (every 5 seconds)");
        }
        for (String f : fields) {
            if (!CRON_FIELD.matcher(f).matches()) {
                throw new CompileProblem(tr.pos(), "the cron expression '" + expression + "' of trigger '"
                        + tr.name().text() + "' has an invalid field '" + f + "'", tr.name().text(), null);
            }
        }
        try {
            Cron.PARSER.parse(expression.trim());
        } catch (IllegalArgumentException e) {
            throw new CompileProblem(tr.pos(), "the cron expression '" + expression + "' of trigger '"
                    + tr.name().text() + "' is not valid: " + e.getMessage(), tr.name().text(), null);
        } catch (NoClassDefFoundError e) {
            // the runtime did not install cron-utils (a runtime put together by hand, without it)
            throw new CompileProblem(tr.pos(), "trigger '" + tr.name().text() + "' needs the bundle " + CRON_BUNDLE
                    + " to evaluate its cron expression, and it is not installed", tr.name().text(),
                    "install " + CRON_BUNDLE + " (9.2 or later), or use AT EVERY");
        }
        return expression.trim();
    }
}
