package io.eventflux.connector.tcp.internal;

import io.eventflux.api.Event;
import io.eventflux.api.io.Sink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A TCP client: {@link #publish} frames each payload into the chunk's buffer, {@link #flush} writes the
 * chunk with blocking writes (a peer that reads slowly holds the stream back: TCP's backpressure). Before
 * writing it checks that the peer has not closed the connection; a failed write or a closed peer closes
 * the socket, and the whole chunk is written again on a new connection after the backoff
 * ({@code tcp.retry.*}), up to {@code tcp.retry.max-attempts}; after the last attempt {@link #flush}
 * throws, naming the peer, and the engine hands the chunk's events to the stream's error strategy.
 *
 * <p>Delivery is at least once across reconnects (a chunk that was partly read before the failure is sent
 * again whole); what the peer's kernel had taken but the peer never read when it crashed is lost, as TCP
 * cannot tell.
 */
final class TcpSink implements Sink {
    private static final System.Logger LOG = System.getLogger(TcpSink.class.getName());

    private final SinkSettings settings;
    private final ByteArrayOutputStream chunk = new ByteArrayOutputStream(8192);
    private final ByteBuffer probe = ByteBuffer.allocate(512);
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private volatile SocketChannel channel;
    private int connects;

    TcpSink(SinkSettings settings) {
        this.settings = settings;
    }

    /** Connects; a failure is retried by the engine in the background. */
    @Override
    public synchronized void start() throws IOException {
        stopped = new CountDownLatch(1);
        if (channel == null) {
            channel = connect();
        }
    }

    @Override
    public void publish(Object payload, Event event) throws IOException {
        byte[] bytes = payload instanceof byte[] b ? b : String.valueOf(payload).getBytes(StandardCharsets.UTF_8);
        byte[] framed;
        try {
            framed = settings.framing().encode(bytes);
        } catch (IllegalArgumentException e) {
            throw new IOException(settings.owner() + ": tcp sink to " + settings.peer() + ": " + e.getMessage());
        }
        chunk.write(framed, 0, framed.length);
    }

    @Override
    public void flush() throws IOException {
        if (chunk.size() == 0) {
            return;
        }
        byte[] bytes = chunk.toByteArray();
        chunk.reset(); // after the last attempt the engine owns the failure: nothing is kept
        RetryPolicy retry = settings.retry();
        for (int attempt = 1; ; attempt++) {
            IOException failure;
            try {
                write(bytes);
                return;
            } catch (IOException e) {
                failure = e;
                disconnect();
            }
            if (stopped.getCount() == 0) {
                throw new IOException(settings.owner() + ": tcp sink stopped while sending to " + settings.peer()
                        + " (" + failure.getMessage() + ")", failure);
            }
            if (attempt >= retry.maxAttempts()) {
                throw new IOException(settings.owner() + ": tcp sink could not send " + bytes.length + " bytes to "
                        + settings.peer() + " after " + attempt + " attempt(s): " + failure.getMessage(), failure);
            }
            long delay = retry.delayMillis(attempt);
            LOG.log(Level.DEBUG, "{0}: sending to {1} failed ({2}), attempt {3} of {4}, retrying in {5} ms",
                    settings.owner(), settings.peer(), failure.getMessage(), String.valueOf(attempt),
                    String.valueOf(retry.maxAttempts()), String.valueOf(delay));
            try {
                if (stopped.await(delay, TimeUnit.MILLISECONDS)) {
                    throw new IOException(settings.owner() + ": tcp sink stopped while retrying " + settings.peer(),
                            failure);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(settings.owner() + ": interrupted while retrying " + settings.peer(), failure);
            }
        }
    }

    private void write(byte[] bytes) throws IOException {
        SocketChannel c = channel;
        if (c == null || !open(c)) {
            if (c != null) {
                disconnect();
            }
            c = connect();
            channel = c;
            if (connects > 1) {
                LOG.log(Level.INFO, "{0}: tcp sink reconnected to {1}", settings.owner(), settings.peer());
            }
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            c.write(buffer);
        }
    }

    /** Whether the peer still has the connection open: a non-blocking read sees its close (or reset). */
    private boolean open(SocketChannel c) {
        try {
            c.configureBlocking(false);
            try {
                int n;
                do {
                    probe.clear();
                    n = c.read(probe); // what a peer sends us is not part of the protocol: discarded
                } while (n > 0);
                return n == 0;
            } finally {
                c.configureBlocking(true);
            }
        } catch (IOException e) {
            return false;
        }
    }

    private SocketChannel connect() throws IOException {
        SocketChannel c = SocketChannel.open();
        try {
            c.socket().setTcpNoDelay(true);
            c.socket().connect(new InetSocketAddress(settings.host(), settings.port()),
                    (int) settings.connectTimeoutMillis());
            if (c.socket().getLocalPort() == c.socket().getPort()
                    && c.socket().getLocalAddress().equals(c.socket().getInetAddress())) {
                // TCP's simultaneous open: with no listener on a local port in the ephemeral range, a
                // connect can pick that very port as its own and "connect" to itself
                throw new IOException("connection refused (the socket connected to itself: nothing listens there)");
            }
            connects++;
            return c;
        } catch (IOException e) {
            c.close();
            throw new IOException(settings.owner() + ": tcp sink cannot connect to " + settings.peer() + ": "
                    + e.getMessage(), e);
        }
    }

    private void disconnect() {
        SocketChannel c = channel;
        channel = null;
        if (c != null) {
            try {
                c.close();
            } catch (IOException e) {
                // gone anyway
            }
        }
    }

    /** Writes what is buffered (a graceful stop), then closes. */
    @Override
    public void stop() {
        synchronized (this) {
            if (chunk.size() > 0 && channel != null) {
                try {
                    write(chunk.toByteArray());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, settings.owner() + ": tcp sink could not send its last " + chunk.size()
                            + " bytes to " + settings.peer() + ": " + e.getMessage());
                }
            }
            chunk.reset();
        }
        stopped.countDown();
        disconnect();
    }

    /** Connections made so far (the first and every reconnect), for tests and diagnostics. */
    int connections() {
        return connects;
    }

    @Override
    public String toString() {
        return "tcp sink " + settings.peer() + " (" + settings.owner() + ")";
    }
}
