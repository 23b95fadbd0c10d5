package io.eventflux.connector.tcp.internal;

import io.eventflux.api.io.SourceListener;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One accepted connection of a tcp source and its reader thread: blocking reads, one frame at a time,
 * each handed over before the next is read. Ends at the peer's close, at a fatal frame (a length over the
 * limit), when the listener fails ({@code error.strategy = fail}) or when the source stops.
 */
final class TcpConnection {
    private static final System.Logger LOG = System.getLogger(TcpConnection.class.getName());
    private static final long FIRST_STOP_WAIT_MILLIS = 200;
    private static final long STOP_WAIT_MILLIS = 5_000;

    private final Socket socket;
    private final SourceSettings settings;
    private final SourceListener listener;
    private final PauseGate gate;
    private final Consumer<TcpConnection> ended;
    private final String peer;
    private final Thread thread;
    private volatile boolean closing;

    TcpConnection(Socket socket, SourceSettings settings, SourceListener listener, PauseGate gate,
            Consumer<TcpConnection> ended) {
        this.socket = socket;
        this.settings = settings;
        this.listener = listener;
        this.gate = gate;
        this.ended = ended;
        this.peer = peerOf(socket);
        this.thread = new Thread(this::run, "eventflux-tcp-" + settings.stream() + "-" + peer);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        long frames = 0;
        try (socket) {
            TcpServerSource.noDelay(socket);
            FrameReader reader = new FrameReader(socket.getInputStream(), settings.framing(), settings.maxFrameBytes());
            LOG.log(Level.DEBUG, "{0}: tcp connection from {1}", settings.owner(), peer);
            while (!closing) {
                FrameReader.Frame frame = reader.next();
                if (frame == null) {
                    break;
                }
                frames++;
                gate.pass();
                if (closing) {
                    break;
                }
                Map<String, String> headers = Map.of(SourceListener.LOCATION, "tcp " + peer + " frame " + frames);
                if (frame.problem() != null) {
                    listener.onUnreadable(payload(frame.data()), "tcp frame from " + peer + ": " + frame.problem(),
                            headers);
                    if (frame.fatal()) {
                        break;
                    }
                } else if (frame.data().length > 0) {
                    listener.onPayload(payload(frame.data()), headers);
                }
            }
        } catch (IOException e) {
            if (!closing) {
                LOG.log(Level.INFO, "{0}: tcp connection from {1} failed after {2} frame(s): {3}", settings.owner(),
                        peer, String.valueOf(frames), e.toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stop() while paused
        } catch (RuntimeException e) {
            // the listener failed (error.strategy = fail) or was interrupted by stop(): this connection ends
            if (!closing) {
                LOG.log(Level.ERROR, settings.owner() + ": tcp connection from " + peer + " closed after frame "
                        + frames + ": " + e.getMessage());
            }
        } finally {
            ended.accept(this);
        }
    }

    private Object payload(byte[] data) {
        return settings.bytes() ? data : new String(data, StandardCharsets.UTF_8);
    }

    /** Closes the socket, which ends a blocked read. */
    void close() {
        closing = true;
        TcpServerSource.closeQuietly(socket);
    }

    /** Waits for the reader; interrupts it when the listener holds it (a full app). */
    void awaitEnd() {
        if (thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(FIRST_STOP_WAIT_MILLIS);
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(STOP_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.log(Level.WARNING, "{0}: the tcp reader for {1} did not stop within {2} ms", settings.owner(), peer,
                    String.valueOf(STOP_WAIT_MILLIS));
        }
    }

    /** {@code 127.0.0.1:54321}: the peer as messages and locations name it. */
    static String peerOf(Socket s) {
        String address = s.getInetAddress() == null ? "?" : s.getInetAddress().getHostAddress();
        return address + ":" + s.getPort();
    }
}
