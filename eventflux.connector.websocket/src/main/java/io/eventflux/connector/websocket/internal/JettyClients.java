package io.eventflux.connector.websocket.internal;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/** The WebSocket client of one source or sink: a small daemon pool named after the stream. */
final class JettyClients {
    private JettyClients() {
    }

    /** A started client. @throws IOException when Jetty cannot start it */
    static WebSocketClient start(String name, ClientSettings settings) throws IOException {
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient http = new HttpClient();
        http.setExecutor(threads);
        http.setName(name);
        http.setConnectTimeout(settings.connectTimeoutMillis());
        WebSocketClient client = new WebSocketClient(http);
        client.setStopAtShutdown(false);
        client.setMaxTextMessageSize(settings.maxMessageBytes());
        client.setMaxBinaryMessageSize(settings.maxMessageBytes());
        try {
            client.start();
        } catch (Exception e) {
            stop(client);
            throw new IOException(settings.owner() + ": cannot start the websocket client: " + e, e);
        }
        return client;
    }

    /**
     * Connects {@code endpoint} to the settings' URL with the configured headers.
     *
     * @throws IOException naming the URL (never its query) when the connection or the upgrade fails
     */
    static Session connect(WebSocketClient client, Object endpoint, ClientSettings settings) throws IOException {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        settings.headers().forEach(request::setHeader);
        try {
            return client.connect(endpoint, settings.url(), request)
                    .get(settings.connectTimeoutMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException(settings.owner() + ": cannot connect to " + settings.shownUrl() + ": " + cause, cause);
        } catch (TimeoutException e) {
            throw new IOException(settings.owner() + ": connecting to " + settings.shownUrl() + " took longer than "
                    + settings.connectTimeoutMillis() + " ms (websocket.connect.timeout.ms)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(settings.owner() + ": interrupted while connecting to " + settings.shownUrl(), e);
        }
    }

    static void stop(WebSocketClient client) {
        try {
            client.stop();
        } catch (Exception e) {
            System.getLogger(JettyClients.class.getName()).log(System.Logger.Level.WARNING,
                    "the websocket client did not stop cleanly", e);
        }
    }
}
