package io.eventflux.connector.http.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Sink;
import io.eventflux.api.io.SinkFactory;
import org.osgi.service.component.annotations.Component;

/** {@code extension = 'http'} sinks: one request per event on Jetty's HttpClient, with retries. */
@Component(service = SinkFactory.class)
@ServiceProvider(value = SinkFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SINK, name = "http",
        description = "HTTP out: each event is one request to http.url. Connection errors, timeouts, 5xx and 429 are "
                + "retried with exponential backoff (Retry-After honoured); other 4xx fail at once.",
        parameters = {"http.url: STRING required, where each payload goes",
            "http.method: STRING = POST, POST, PUT or PATCH",
            "http.headers.<Name>: STRING = (none), a request header",
            "http.content.type: STRING = (from format: application/json, text/csv...), the Content-Type",
            "http.auth.token: STRING = (none), sent as Authorization: Bearer <token>",
            "http.timeout.ms: LONG = 30000, the longest one attempt may take",
            "http.retry.max-attempts: INT = 5, attempts in all, the first included",
            "http.retry.initial-delay: LONG = 100, ms before the first retry, doubled for each next one",
            "http.retry.max-delay: LONG = 10000, the longest wait between attempts, also caps Retry-After"})
public final class HttpSinkFactory implements SinkFactory {
    /** The DS and plain-Java constructor. */
    public HttpSinkFactory() {
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new HttpSink(SinkSettings.of(spec));
    }
}
