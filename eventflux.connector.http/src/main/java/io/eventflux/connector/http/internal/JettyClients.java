package io.eventflux.connector.http.internal;

import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** Jetty HTTP clients of one sink or polling source: small daemon pools named after the stream. */
final class JettyClients {
    private JettyClients() {
    }

    /**
     * A started client.
     *
     * @param followRedirects false for sinks: a 302 would turn the POST into a GET and lose the payload
     * @throws Exception when Jetty cannot start it
     */
    static HttpClient start(String name, long connectTimeoutMillis, boolean followRedirects) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(8, 1);
        threads.setName(name);
        threads.setDaemon(true);
        HttpClient client = new HttpClient();
        client.setExecutor(threads);
        client.setName(name);
        client.setConnectTimeout(connectTimeoutMillis);
        client.setFollowRedirects(followRedirects);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "EventFlux"));
        client.start();
        return client;
    }

    /** Stops a client, aborting what it still sends. */
    static void stop(HttpClient client, System.Logger log, String owner) {
        try {
            client.stop();
        } catch (Exception e) {
            log.log(System.Logger.Level.WARNING, owner + ": the http client did not stop cleanly", e);
        }
    }
}
