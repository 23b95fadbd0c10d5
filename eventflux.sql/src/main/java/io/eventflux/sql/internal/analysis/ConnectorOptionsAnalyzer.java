package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks the engine's own connector keys of a {@code CREATE STREAM ... WITH (...)} (SQL.md section 7) where
 * they are written: {@code error.strategy}, {@code backpressure} and {@code error.retry.backoff} take one of
 * their values, {@code error.strategy = 'dlq'} names an {@code error.dlq.stream}, and that stream is declared
 * with the dead-letter schema. The engine checks again at deploy, where configuration files add options.
 */
final class ConnectorOptionsAnalyzer {
    static final String DLQ_SCHEMA = "(originalEvent STRING, errorMessage STRING, errorType STRING, "
            + "timestamp LONG, attemptCount INT, streamName STRING)";
    private static final List<Attribute> DLQ_ATTRIBUTES = List.of(new Attribute("originalEvent", AttributeType.STRING),
            new Attribute("errorMessage", AttributeType.STRING), new Attribute("errorType", AttributeType.STRING),
            new Attribute("timestamp", AttributeType.LONG), new Attribute("attemptCount", AttributeType.INT),
            new Attribute("streamName", AttributeType.STRING));
    private static final Map<String, Set<String>> VALUES = Map.of(
            "error.strategy", Set.of("drop", "retry", "dlq", "fail"),
            "backpressure", Set.of("block", "drop"),
            "error.retry.backoff", Set.of("exponential", "linear", "fixed"));

    private final Errors errors;
    /** Declared streams by name (CREATE STREAM). */
    private final Map<String, StreamSchema> declared;
    private final EventTimeAnalyzer eventTime;

    ConnectorOptionsAnalyzer(Errors errors, Map<String, StreamSchema> declared) {
        this.errors = errors;
        this.declared = declared;
        this.eventTime = new EventTimeAnalyzer(errors, declared);
    }

    void check(Statement.CreateStream cs) {
        eventTime.check(cs);
        OptionEntry strategy = null;
        OptionEntry dlq = null;
        for (OptionEntry o : cs.options()) {
            String key = o.key().toLowerCase(Locale.ROOT);
            Set<String> allowed = VALUES.get(key);
            if (allowed != null && !allowed.contains(o.value().trim().toLowerCase(Locale.ROOT))) {
                errors.add(new CompileProblem(o.pos(), "stream " + cs.name().text() + ": option '" + o.key()
                        + "' must be one of " + new TreeSet<>(allowed) + ", was '" + o.value() + "'", o.value(),
                        Suggestions.hint(o.value(), allowed)));
            }
            if (key.equals("error.strategy")) {
                strategy = o;
            } else if (key.equals("error.dlq.stream")) {
                dlq = o;
            }
        }
        if (dlq != null) {
            checkDeadLetterStream(cs, dlq);
        } else if (strategy != null && strategy.value().trim().equalsIgnoreCase("dlq")) {
            errors.add(new CompileProblem(strategy.pos(), "stream " + cs.name().text()
                    + ": error.strategy = 'dlq' needs 'error.dlq.stream' naming a stream declared " + DLQ_SCHEMA,
                    cs.name().text(), null));
        }
    }

    private void checkDeadLetterStream(Statement.CreateStream cs, OptionEntry dlq) {
        String name = dlq.value().trim();
        StreamSchema schema = declared.get(name);
        if (schema == null) {
            String hint = Suggestions.hint(name, declared.keySet());
            errors.add(new CompileProblem(dlq.pos(), "stream " + cs.name().text() + ": error.dlq.stream '" + name
                    + "' is not declared; declare CREATE STREAM " + name + " " + DLQ_SCHEMA, name, hint));
        } else if (name.equals(cs.name().text())) {
            errors.add(new CompileProblem(dlq.pos(), "stream " + name + ": error.dlq.stream must name another stream",
                    name, null));
        } else if (!schema.attributes().equals(DLQ_ATTRIBUTES)) {
            errors.add(new CompileProblem(dlq.pos(), "stream " + cs.name().text() + ": dead-letter stream " + name
                    + " has schema " + schema.attributes() + "; a dead-letter stream must be exactly " + DLQ_SCHEMA,
                    name, null));
        }
    }
}
