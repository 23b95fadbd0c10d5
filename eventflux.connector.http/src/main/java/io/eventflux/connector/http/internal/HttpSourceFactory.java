package io.eventflux.connector.http.internal;

import aQute.bnd.annotation.Resolution;
import aQute.bnd.annotation.spi.ServiceProvider;
import io.eventflux.api.extension.Extension;
import io.eventflux.api.io.ConnectorSpec;
import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceFactory;
import java.util.Locale;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code extension = 'http'} sources: a webhook (default) or a poller. Creating the factory loads no Jetty
 * class; the first webhook or poller that starts does.
 */
@Component(service = SourceFactory.class)
@ServiceProvider(value = SourceFactory.class, resolution = Resolution.OPTIONAL)
@Extension(type = Extension.SOURCE, name = "http",
        description = "HTTP in: a webhook (each POST body is one payload; 202 taken, 503 + Retry-After when the app "
                + "is full, 400 when it cannot be mapped, 401 wrong token, 413 too large) or a poller (GET http.url "
                + "every http.poll.interval.ms). Webhooks on one host and port share one Jetty server.",
        parameters = {"http.mode: STRING = webhook, webhook or poll",
            "http.host: STRING = 127.0.0.1, webhook: the interface to listen on (0.0.0.0 for all)",
            "http.port: INT = 8080, webhook: the port; streams on one port share the server",
            "http.path: STRING = (/<stream name>), webhook: the exact path of this stream",
            "http.auth.token: STRING = (none), webhook: required as Authorization: Bearer <token>; poll: sent so",
            "http.max.body.bytes: LONG = 1048576, webhook: larger bodies get 413",
            "http.url: STRING required, poll: the URL fetched with GET",
            "http.poll.interval.ms: LONG = 5000, poll: the wait between polls",
            "http.headers.<Name>: STRING = (none), poll: a request header",
            "http.timeout.ms: LONG = 30000, poll: the longest one request may take",
            "http.retry.max-delay: LONG = 60000, poll: the longest wait after failed polls"})
public final class HttpSourceFactory implements SourceFactory {
    static final String WEBHOOK = "webhook";
    static final String POLL = "poll";

    private final WebhookServers servers;

    /** The plain-Java (ServiceLoader) constructor: this factory's own server registry. */
    public HttpSourceFactory() {
        this(new WebhookServers());
    }

    /** The DS constructor: the bundle's server registry, shared with nothing else. */
    @Activate
    public HttpSourceFactory(@Reference WebhookServers servers) {
        this.servers = servers;
    }

    @Override
    public Source create(ConnectorSpec spec) {
        String mode = spec.option(HttpKeys.MODE, WEBHOOK).trim().toLowerCase(Locale.ROOT);
        return switch (mode) {
            case WEBHOOK -> new WebhookSource(WebhookSettings.of(spec), servers);
            case POLL -> new PollingSource(PollSettings.of(spec));
            default -> throw new IllegalArgumentException("stream " + spec.stream().name() + ": option '"
                    + HttpKeys.MODE + "' must be webhook or poll, was '" + spec.option(HttpKeys.MODE, "") + "'");
        };
    }
}
