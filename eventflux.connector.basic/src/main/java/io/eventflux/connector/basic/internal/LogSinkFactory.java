package io.eventflux.connector.basic.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.Event;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.osgi.service.component.annotations.Component;

/**
 * {@code extension = 'log'}: logs each event (or its formatted payload) at INFO through the
 * {@link System.Logger} named {@value #LOGGER}, one line per event.
 */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "log", description = "Logs each event at INFO (logger io.eventflux.sink.log).",
        parameters = "log.prefix: STRING = (the stream's name and ': '), text before each line")
public final class LogSinkFactory implements SinkFactory {
    static final String LOGGER = "io.eventflux.sink.log";
    static final String PREFIX = "log.prefix";

    private final System.Logger log;

    public LogSinkFactory() {
        this(System.getLogger(LOGGER));
    }

    LogSinkFactory(System.Logger log) {
        this.log = log;
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        String prefix = spec.option(PREFIX, spec.stream().name() + ": ");
        return new Sink() {
            @Override
            public void start() {
            }

            @Override
            public void publish(Object payload, Event event) {
                log.log(Level.INFO, prefix + text(payload));
            }

            @Override
            public void stop() {
            }
        };
    }

    static String text(Object payload) {
        if (payload instanceof Event e) {
            return (e.isExpired() ? "expired " : "") + Arrays.toString(e.data()) + " @" + e.timestamp();
        }
        if (payload instanceof byte[] b) {
            return new String(b, StandardCharsets.UTF_8);
        }
        return String.valueOf(payload);
    }
}
