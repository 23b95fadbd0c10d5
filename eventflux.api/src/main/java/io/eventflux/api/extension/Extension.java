package io.eventflux.api.extension;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Names an extension and describes it. Put it on the DS component that provides a factory; bnd turns
 * it into the service properties {@code eventflux.extension.type}, {@code eventflux.extension.name},
 * {@code eventflux.extension.aliases}, {@code eventflux.extension.description} and
 * {@code eventflux.extension.parameters}. Outside OSGi the engine reads the same annotation from the
 * class found by {@code ServiceLoader}, so it is retained at run time.
 *
 * <pre>
 * &#64;Component(service = WindowFactory.class)
 * &#64;Extension(type = Extension.WINDOW, name = "length", parameters = "size: INT|LONG, number of events kept")
 * public final class LengthWindowFactory implements WindowFactory { ... }
 * </pre>
 */
@ComponentPropertyType
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Extension {
    /** Prefix of the generated service property names. */
    String PREFIX_ = "eventflux.extension.";

    String WINDOW = "window";
    String AGGREGATOR = "aggregator";
    String FUNCTION = "function";
    String SOURCE = "source";
    String SINK = "sink";
    String MAPPER = "mapper";
    String TABLE_STORE = "table-store";
    String PERSISTENCE_STORE = "persistence-store";

    /** One of the type constants above. */
    String type();

    /** The name apps use (for a function library: the library name, as in {@code math:abs}). */
    String name();

    /** Other names it answers to (e.g. {@code tumbling} for {@code timeBatch}). */
    String[] aliases() default {};

    /** One line of help. */
    String description() default "";

    /**
     * One entry per parameter, {@code "name: TYPE|TYPE, meaning"}; a {@code WITH} key states its default
     * ({@code "name: LONG = 100, meaning"}, in words {@code "name: STRING = (the table's name), meaning"}) or
     * that it is {@code required} ({@code "name: STRING required, meaning"}); a function library has one
     * signature per entry ({@code "round(x, n: INT|LONG): meaning, DOUBLE"}). {@link ParameterInfo} reads them.
     */
    String[] parameters() default {};
}
