package io.eventflux.shell.internal;

import org.apache.felix.service.command.Converter;
import org.osgi.service.component.annotations.Component;

/**
 * Renders what the eventflux commands return (management records, query results, traced events) as
 * tables when Gogo prints a result; the commands return the records themselves, so scripts can use them.
 */
@Component(service = Converter.class)
public final class ResultConverter implements Converter {
    @Override
    public Object convert(Class<?> desiredType, Object in) {
        return null; // formatting only
    }

    @Override
    public CharSequence format(Object target, int level, Converter escape) {
        if (level != Converter.INSPECT && level != Converter.LINE) {
            return null;
        }
        String text = Rendering.render(target);
        if (text == null) {
            return null;
        }
        // Gogo prints a line after the result itself
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }
}
