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
    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.SPRING53));

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
            CRON.parse(expression.trim());
        } catch (IllegalArgumentException e) {
            throw new CompileProblem(tr.pos(), "the cron expression '" + expression + "' of trigger '"
                    + tr.name().text() + "' is not valid: " + e.getMessage(), tr.name().text(), null);
        }
        return expression.trim();
    }
}
