package io.eventflux.connector.mqtt.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Subscribes to {@code mqtt.topic} filters at {@code mqtt.qos}. Messages come on Paho's callback thread
 * and are handed over with the blocking {@link SourceListener#onPayload} (a full app or a paused source
 * holds that thread). At QoS 1 and 2 the session is persistent by default ({@code clean session = false},
 * the same client id) and acknowledgements are manual ({@link MqttAcks}): a message is acknowledged once
 * the app has processed it, and what was not is delivered again when the session resumes. A lost
 * connection is reported ({@link SourceListener#onConnectionLost}); the engine stops and starts the source
 * again with its backoff, which reconnects the same client, resumes the session and subscribes again.
 */
final class MqttSource implements Source, Link.Handler {
    private static final System.Logger LOG = System.getLogger(MqttSource.class.getName());
    private static final long PAUSE_CHECK_MILLIS = 100;
    private static final long STOP_WAIT_SECONDS = 30;

    private final MqttOptions options;
    private final ReentrantLock delivering = new ReentrantLock();
    private final Object pauseLock = new Object();
    private final boolean binary;
    private boolean paused;
    /** A new client per start: Paho's client is not reliably reusable after a lost connection. */
    private Link link;
    private final KeptPersistence persistence = new KeptPersistence();
    private volatile SourceListener listener;
    private volatile MqttAcks acks;
    private volatile boolean stopping = true;
    private volatile boolean refused;

    MqttSource(MqttOptions options) {
        this.options = options;
        this.binary = options.binary();
    }

    @Override
    public synchronized void start(SourceListener l) throws Exception {
        if (!stopping) {
            throw new IllegalStateException(options.owner() + ": the mqtt source is already started");
        }
        link = Links.create(options, this, options.qos() > 0, persistence);
        listener = l;
        acks = new MqttAcks(link, l, options.owner());
        refused = false;
        stopping = false;
        try {
            boolean resumed = link.connect();
            link.subscribe(options.topics(), options.qos());
            LOG.log(Level.DEBUG, options.where() + ": subscribed to " + options.topics() + " at QoS " + options.qos()
                    + (resumed ? " (session resumed)" : ""));
        } catch (Exception e) {
            stopping = true;
            link.close();
            link = null;
            throw new IOException(options.where() + ": cannot subscribe to " + options.topics() + ": "
                    + Links.describe(e), e);
        }
    }

    @Override
    public void message(String topic, byte[] payload, int id, int qos, boolean duplicate) {
        delivering.lock();
        try {
            if (stopping || refused || !awaitResumed()) {
                return; // not acknowledged: delivered again when the session resumes
            }
            Object p = binary ? payload : new String(payload, StandardCharsets.UTF_8);
            listener.onPayload(p, Map.of(SourceListener.LOCATION, "mqtt topic " + topic
                    + (duplicate ? " (redelivered)" : "")));
            if (qos > 0) {
                acks.delivered(id, qos);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // error.strategy = fail: the app failed; nothing more is taken (or acknowledged) on this connection
            refused = true;
            LOG.log(Level.ERROR, options.owner() + ": the app refused an mqtt message; it and the ones after it "
                    + "are not acknowledged", e);
        } finally {
            delivering.unlock();
        }
    }

    private boolean awaitResumed() throws InterruptedException {
        synchronized (pauseLock) {
            while (paused && !stopping) {
                pauseLock.wait(PAUSE_CHECK_MILLIS);
            }
        }
        return !stopping;
    }

    @Override
    public void lost(Throwable cause) {
        if (stopping) {
            return;
        }
        stopping = true;
        listener.onConnectionLost(new IOException(options.where() + ": connection lost: " + Links.describe(cause),
                cause));
    }

    @Override
    public void stop() {
        Link l;
        synchronized (this) {
            l = link;
            link = null;
            stopping = true;
        }
        if (l == null) {
            return;
        }
        boolean locked = false;
        try {
            locked = delivering.tryLock(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            MqttAcks a = acks;
            if (a != null) {
                a.drain(options.stopTimeoutMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            l.close();
            if (locked) {
                delivering.unlock();
            }
        }
    }

    @Override
    public void pause() {
        synchronized (pauseLock) {
            paused = true;
        }
    }

    @Override
    public void resume() {
        synchronized (pauseLock) {
            paused = false;
            pauseLock.notifyAll();
        }
    }

    @Override
    public String toString() {
        return "mqtt source " + options;
    }
}
