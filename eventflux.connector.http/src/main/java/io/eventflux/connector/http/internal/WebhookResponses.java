package io.eventflux.connector.http.internal;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Plain-text answers of the webhook: a status and one line saying why. */
final class WebhookResponses {
    private WebhookResponses() {
    }

    static void send(Response response, Callback callback, int status, String message) {
        response.setStatus(status);
        if (message.isEmpty()) {
            response.write(true, null, callback);
            return;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        Content.Sink.write(response, true, message + "\n", callback);
    }
}
