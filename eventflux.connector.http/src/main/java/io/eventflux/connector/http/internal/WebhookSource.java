package io.eventflux.connector.http.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.lang.System.Logger.Level;

/** {@code http.mode = webhook}: a path on a (shared) local server; each POST body is one payload. */
final class WebhookSource implements Source {
    private static final System.Logger LOG = System.getLogger(WebhookSource.class.getName());

    private final WebhookSettings settings;
    private final WebhookServers servers;
    private WebhookRoute route;
    private AutoCloseable registration;

    WebhookSource(WebhookSettings settings, WebhookServers servers) {
        this.settings = settings;
        this.servers = servers;
    }

    @Override
    public synchronized void start(SourceListener listener) throws Exception {
        if (registration != null) {
            return;
        }
        WebhookRoute r = new WebhookRoute(settings, listener);
        registration = servers.register(settings, r);
        route = r;
        LOG.log(Level.INFO, "{0}: webhook on http://{1}:{2}{3}", settings.owner(), settings.host(),
                String.valueOf(settings.port()), settings.path());
    }

    @Override
    public synchronized void stop() {
        if (registration == null) {
            return;
        }
        try {
            registration.close();
        } catch (Exception e) {
            LOG.log(Level.WARNING, settings.owner() + ": closing the webhook failed", e);
        }
        route.close();
        registration = null;
        route = null;
    }

    @Override
    public synchronized void pause() {
        if (route != null) {
            route.pause(true);
        }
    }

    @Override
    public synchronized void resume() {
        if (route != null) {
            route.pause(false);
        }
    }

    @Override
    public String toString() {
        return "http webhook " + settings.host() + ":" + settings.port() + settings.path() + " (" + settings.owner() + ")";
    }
}
