package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.Source;
import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP server: each accepted connection gets a reader thread of its own that cuts frames with blocking
 * reads and hands each one to the listener with {@link SourceListener#onPayload}. When the app is full
 * that call blocks, the thread stops reading, the socket's receive window fills and the sender's writes
 * block: backpressure through TCP itself, with at most one read buffer (64 KiB) per connection held here.
 *
 * <p>At most {@code tcp.max.connections} are served at once; another one is accepted only to be told so
 * (a line, or a length-prefixed frame, saying why) and closed, and the refusal is logged with the peer's
 * address. Every payload carries the location {@code tcp <peer address> frame <n>}.
 */
final class TcpServerSource implements Source {
    private static final System.Logger LOG = System.getLogger(TcpServerSource.class.getName());
    private static final long REFUSAL_LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final SourceSettings settings;
    private final Set<TcpConnection> connections = ConcurrentHashMap.newKeySet();
    private final PauseGate gate = new PauseGate();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private volatile ServerSocket server;
    private Thread acceptor;
    private long nextRefusalLog = Long.MIN_VALUE;
    private long refusalsNotLogged;

    TcpServerSource(SourceSettings settings) {
        this.settings = settings;
    }

    @Override
    public synchronized void start(SourceListener listener) throws IOException {
        if (server != null) {
            return;
        }
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(settings.host()), settings.port()), 50);
        } catch (IOException e) {
            socket.close();
            throw new IOException(settings.owner() + ": tcp source cannot listen on " + settings.host() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        server = socket;
        gate.open();
        acceptor = new Thread(() -> acceptLoop(socket, listener), "eventflux-tcp-accept-" + settings.stream());
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(Level.INFO, "{0}: tcp source listening on {1}:{2} ({3} framing, at most {4} connections)",
                settings.owner(), settings.host(), String.valueOf(socket.getLocalPort()), settings.framing().option(),
                String.valueOf(settings.maxConnections()));
    }

    private void acceptLoop(ServerSocket socket, SourceListener listener) {
        while (!socket.isClosed()) {
            Socket s;
            try {
                s = socket.accept();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    LOG.log(Level.WARNING, settings.owner() + ": accepting a tcp connection failed", e);
                    listener.onConnectionLost(e);
                }
                return;
            }
            synchronized (connections) {
                if (connections.size() >= settings.maxConnections()) {
                    refuse(s);
                    continue;
                }
                TcpConnection c = new TcpConnection(s, settings, listener, gate, connections::remove);
                connections.add(c);
                accepted.incrementAndGet();
                c.start();
            }
        }
    }

    /** Tells the peer why (a line or a frame, as the framing says), closes, and logs it (rate-limited). */
    private void refuse(Socket s) {
        long n = refused.incrementAndGet();
        String peer = TcpConnection.peerOf(s);
        String why = "eventflux: " + settings.owner() + " refuses the connection from " + peer + ": "
                + settings.maxConnections() + " connections are open (tcp.max.connections)";
        try (s; OutputStream out = s.getOutputStream()) {
            s.setSoTimeout(1);
            out.write(settings.framing().encode(("ERROR " + why).getBytes(StandardCharsets.UTF_8)));
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the peer may be gone already: the log line below is what counts
        }
        long now = System.nanoTime();
        if (nextRefusalLog != Long.MIN_VALUE && now - nextRefusalLog < 0) {
            refusalsNotLogged++;
            return;
        }
        nextRefusalLog = now + REFUSAL_LOG_INTERVAL_NANOS;
        LOG.log(Level.WARNING, why + " (refused so far: " + n
                + (refusalsNotLogged > 0 ? ", " + refusalsNotLogged + " not logged" : "") + ")");
        refusalsNotLogged = 0;
    }

    @Override
    public void stop() {
        ServerSocket s;
        Thread a;
        synchronized (this) {
            s = server;
            a = acceptor;
            server = null;
            acceptor = null;
        }
        if (s == null) {
            return;
        }
        try {
            s.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, settings.owner() + ": closing the tcp server socket failed", e);
        }
        join(a);
        List<TcpConnection> open;
        synchronized (connections) {
            open = new ArrayList<>(connections);
        }
        gate.open(); // a paused reader must see the close
        for (TcpConnection c : open) {
            c.close();
        }
        for (TcpConnection c : open) {
            c.awaitEnd();
        }
    }

    private void join(Thread t) {
        if (t == null || t == Thread.currentThread()) {
            return;
        }
        try {
            t.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void pause() {
        gate.close();
    }

    @Override
    public void resume() {
        gate.open();
    }

    /** The port it listens on, or -1 when stopped. */
    int localPort() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    /** Connections open now. */
    int openConnections() {
        return connections.size();
    }

    /** Connections refused since the source was made, for tests and diagnostics. */
    long refusedConnections() {
        return refused.get();
    }

    /** Connections served since the source was made. */
    long acceptedConnections() {
        return accepted.get();
    }

    @Override
    public String toString() {
        return "tcp source " + settings.host() + ":" + settings.port() + " (" + settings.owner() + ")";
    }

    /** Closes the socket quietly (used for refusals that failed half-way). */
    static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException | RuntimeException e) {
            // nothing more to do
        }
    }

    static void noDelay(Socket s) {
        try {
            s.setTcpNoDelay(true);
        } catch (SocketException e) {
            // not important
        }
    }
}
