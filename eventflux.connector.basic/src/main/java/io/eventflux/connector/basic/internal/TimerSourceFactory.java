package io.eventflux.connector.basic.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.AttributeType;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import java.time.Clock;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'timer'}: one event per interval carrying the current time (no format needed). */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "timer",
        description = "Emits the current time (epoch ms) into the stream's first attribute (LONG) every interval.",
        parameters = "timer.interval: DURATION = '1 s', time between events ('1 s', '500 ms')")
public final class TimerSourceFactory implements SourceFactory {
    static final String INTERVAL = "timer.interval";

    private final Clock clock;

    /** The system clock in UTC. */
    public TimerSourceFactory() {
        this(Clock.systemUTC());
    }

    TimerSourceFactory(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Source create(ConnectorSpec spec) {
        long interval = spec.durationMillis(INTERVAL, 1000);
        if (interval <= 0) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '" + INTERVAL
                    + "' must be positive, was '" + spec.option(INTERVAL, "") + "'");
        }
        if (spec.stream().size() == 0 || spec.stream().attribute(0).type() != AttributeType.LONG) {
            throw new IllegalArgumentException("stream " + spec.stream().name() + ": the timer source needs a LONG "
                    + "first attribute for the time, the stream has " + spec.stream().attributes());
        }
        return new TimerSource(spec.app() + "/" + spec.stream().name(), clock, interval, spec.stream().size());
    }
}
