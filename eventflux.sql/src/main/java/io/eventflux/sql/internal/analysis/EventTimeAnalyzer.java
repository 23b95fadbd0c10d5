package io.eventflux.sql.internal.analysis;

import io.eventflux.api.Attribute;
import io.eventflux.api.AttributeType;
import io.eventflux.api.StreamSchema;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.sql.internal.CompileProblem;
import io.eventflux.sql.internal.Suggestions;
import io.eventflux.sql.internal.ast.ColumnDef;
import io.eventflux.sql.internal.ast.OptionEntry;
import io.eventflux.sql.internal.ast.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks the event-time keys of a {@code CREATE STREAM ... WITH (...)} where they are written (README,
 * "Event time and watermarks"): {@code event.time} names a LONG or TIMESTAMP attribute of the stream,
 * {@code watermark.delay} is a duration of at least 0, {@code watermark.idle.timeout} a positive duration, and
 * {@code late.events.stream} names another declared stream with exactly the stream's attributes. The other
 * keys need {@code event.time}. The engine checks again at deploy, where configuration files add options.
 */
final class EventTimeAnalyzer {
    static final String EVENT_TIME = "event.time";
    static final String DELAY = "watermark.delay";
    static final String IDLE = "watermark.idle.timeout";
    static final String LATE = "late.events.stream";

    private final Errors errors;
    private final Map<String, StreamSchema> declared;

    EventTimeAnalyzer(Errors errors, Map<String, StreamSchema> declared) {
        this.errors = errors;
        this.declared = declared;
    }

    void check(Statement.CreateStream cs) {
        OptionEntry eventTime = null;
        for (OptionEntry o : cs.options()) {
            if (o.key().equalsIgnoreCase(EVENT_TIME)) {
                eventTime = o;
            }
        }
        String stream = cs.name().text();
        for (OptionEntry o : cs.options()) {
            String key = o.key().toLowerCase(Locale.ROOT);
            boolean ours = key.equals(DELAY) || key.equals(IDLE) || key.equals(LATE);
            if (ours && eventTime == null) {
                errors.add(new CompileProblem(o.pos(), "stream " + stream + ": option '" + o.key()
                        + "' needs 'event.time' naming the LONG or TIMESTAMP attribute that holds the event time",
                        o.key(), null));
            } else if (key.equals(EVENT_TIME)) {
                checkAttribute(cs, o);
            } else if (key.equals(DELAY)) {
                checkDuration(cs, o, 0);
            } else if (key.equals(IDLE)) {
                checkDuration(cs, o, 1);
            } else if (key.equals(LATE)) {
                checkLateStream(cs, o);
            }
        }
    }

    private void checkAttribute(Statement.CreateStream cs, OptionEntry o) {
        String name = o.value().trim();
        for (ColumnDef c : cs.columns()) {
            if (c.name().text().equals(name)) {
                AttributeType type = c.type().type();
                if (type != AttributeType.LONG) {
                    errors.add(new CompileProblem(o.pos(), "stream " + cs.name().text() + ": event.time attribute '"
                            + name + "' is " + type + "; it must be LONG or TIMESTAMP (epoch milliseconds)", name,
                            null));
                }
                return;
            }
        }
        List<String> names = cs.columns().stream().map(c -> c.name().text()).toList();
        errors.add(new CompileProblem(o.pos(), "stream " + cs.name().text() + ": event.time names attribute '"
                + name + "', which the stream does not have; its attributes are " + names, name,
                Suggestions.hint(name, names)));
    }

    private void checkDuration(Statement.CreateStream cs, OptionEntry o, long min) {
        StreamSchema schema = new StreamSchema(cs.name().text(), List.of());
        try {
            long ms = new ConnectorSpec("", schema, Map.of(o.key(), o.value())).durationMillis(o.key(), 0);
            if (ms < min) {
                errors.add(new CompileProblem(o.pos(), "stream " + cs.name().text() + ": option '" + o.key()
                        + "' must be " + (min == 0 ? "at least 0" : "positive") + ", was '" + o.value() + "'",
                        o.value(), null));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new CompileProblem(o.pos(), e.getMessage(), o.value(), null));
        }
    }

    private void checkLateStream(Statement.CreateStream cs, OptionEntry o) {
        String name = o.value().trim();
        String stream = cs.name().text();
        StreamSchema late = declared.get(name);
        List<Attribute> attributes = declared.containsKey(stream) ? declared.get(stream).attributes() : List.of();
        if (late == null) {
            errors.add(new CompileProblem(o.pos(), "stream " + stream + ": late.events.stream '" + name
                    + "' is not declared; declare it with the attributes of " + stream, name,
                    Suggestions.hint(name, declared.keySet())));
        } else if (name.equals(stream)) {
            errors.add(new CompileProblem(o.pos(), "stream " + stream + ": late.events.stream must name another stream",
                    name, null));
        } else if (!late.attributes().equals(attributes)) {
            errors.add(new CompileProblem(o.pos(), "stream " + stream + ": late-events stream " + name + " has schema "
                    + late.attributes() + "; it must have exactly the attributes of " + stream + " " + attributes,
                    name, null));
        }
    }
}
