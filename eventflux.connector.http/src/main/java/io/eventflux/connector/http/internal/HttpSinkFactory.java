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
        parameters = {"http.url: STRING, where each payload goes (required)",
            "http.method: STRING, POST (default), PUT or PATCH",
            "http.headers.<Name>: STRING, a request header",
            "http.content.type: STRING, the Content-Type (default from format: application/json, text/csv...)",
            "http.auth.token: STRING, sent as Authorization: Bearer <token>",
            "http.timeout.ms: LONG, the longest one attempt may take (default 30000)",
            "http.retry.max-attempts: INT, attempts in all, the first included (default 5)",
            "http.retry.initial-delay: LONG, ms before the first retry, doubled for each next one (default 100)",
            "http.retry.max-delay: LONG, the longest wait between attempts, also caps Retry-After (default 10000)"})
public final class HttpSinkFactory implements SinkFactory {
    /** The DS and plain-Java constructor. */
    public HttpSinkFactory() {
    }

    @Override
    public Sink create(ConnectorSpec spec) {
        return new HttpSink(SinkSettings.of(spec));
    }
}
