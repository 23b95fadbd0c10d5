package io.eventflux.connector.http.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/**
 * {@code http.mode = poll}: GETs {@code http.url} every {@code http.poll.interval.ms} on its own thread; a
 * non-empty 2xx body is one payload (handed over with {@link SourceListener#onPayload}, so a full app
 * slows the polling down). Failed polls are logged and back off: the interval doubles with each failure
 * in a row, up to {@code http.retry.max-delay}.
 */
final class PollingSource implements Source {
    private static final System.Logger LOG = System.getLogger(PollingSource.class.getName());

    private final PollSettings settings;
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile boolean paused;
    private HttpClient client;
    private Thread thread;

    PollingSource(PollSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start(SourceListener listener) throws Exception {
        if (running) {
            return;
        }
        String name = "eventflux-http-poll-" + settings.stream();
        client = JettyClients.start(name, settings.timeoutMillis(), true);
        running = true;
        HttpClient c = client;
        thread = new Thread(() -> loop(listener, c), name);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        Thread t;
        HttpClient c;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            t = thread;
            c = client;
            thread = null;
            client = null;
        }
        synchronized (wake) {
            wake.notifyAll();
        }
        JettyClients.stop(c, LOG, settings.owner()); // aborts a request in flight
        try {
            t.join(settings.timeoutMillis() + 1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void pause() {
        paused = true;
    }

    @Override
    public void resume() {
        paused = false;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop(SourceListener listener, HttpClient c) {
        int failures = 0;
        while (running) {
            if (!paused) {
                try {
                    pollOnce(listener, c);
                    if (failures > 0) {
                        LOG.log(Level.INFO, "{0}: polling {1} works again after {2} failure(s)", settings.owner(),
                                HttpKeys.shown(settings.url()), String.valueOf(failures));
                    }
                    failures = 0;
                } catch (IOException | RuntimeException e) {
                    if (!running) {
                        return;
                    }
                    failures++;
                    LOG.log(Level.WARNING, "{0}: poll failed ({1}); next poll in {2} ms (failure {3} in a row)",
                            settings.owner(), e.getMessage(), String.valueOf(settings.nextDelayMillis(failures)),
                            String.valueOf(failures));
                }
            }
            await(settings.nextDelayMillis(failures));
        }
    }

    private void pollOnce(SourceListener listener, HttpClient c) throws IOException {
        String shown = HttpKeys.shown(settings.url());
        ContentResponse response;
        try {
            response = c.newRequest(settings.url()).method(HttpMethod.GET)
                    .timeout(settings.timeoutMillis(), TimeUnit.MILLISECONDS)
                    .headers(h -> {
                        settings.headers().forEach(h::put);
                        if (settings.token() != null) {
                            h.put(HttpHeader.AUTHORIZATION, "Bearer " + settings.token());
                        }
                    }).send();
        } catch (TimeoutException e) {
            throw new IOException("GET " + shown + " timed out after " + settings.timeoutMillis() + " ms", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new IOException("GET " + shown + " failed: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET " + shown + " interrupted", e);
        }
        int status = response.getStatus();
        if (status < 200 || status > 299) {
            throw new IOException("GET " + shown + " answered " + status + " " + response.getReason());
        }
        byte[] content = response.getContent();
        if (content.length == 0) {
            return;
        }
        Object payload = settings.bytes() ? content : response.getContentAsString();
        listener.onPayload(payload, Map.of(SourceListener.LOCATION, "http GET " + shown));
    }

    private void await(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        synchronized (wake) {
            for (long left = millis; running && left > 0; left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) {
                try {
                    wake.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "http poll " + HttpKeys.shown(settings.url()) + " (" + settings.owner() + ")";
    }
}
