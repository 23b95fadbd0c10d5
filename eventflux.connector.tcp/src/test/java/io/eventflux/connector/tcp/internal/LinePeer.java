package io.eventflux.connector.tcp.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real external TCP consumer for the tests: a server that records every line it reads, on any connection. */
final class LinePeer implements AutoCloseable {
    final List<String> lines = new CopyOnWriteArrayList<>();
    final AtomicInteger connections = new AtomicInteger();
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    LinePeer(int port) throws IOException {
        server = bind(port);
        acceptor = new Thread(this::accept, "line-peer-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Binds, trying again for a while: a port just given up by a previous peer whose connections are still
     * closing can refuse the bind for a moment.
     */
    private static ServerSocket bind(int port) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (true) {
            ServerSocket s = new ServerSocket();
            try {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
                return s;
            } catch (java.net.BindException e) {
                s.close();
                if (System.nanoTime() - deadline > 0) {
                    throw e;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(20));
            }
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                synchronized (this) {
                    if (server.isClosed()) {
                        s.close();
                        return;
                    }
                    open.add(s);
                }
                connections.incrementAndGet();
                Thread reader = new Thread(() -> read(s), "line-peer-reader");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void read(Socket s) {
        try (s; BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed
        } finally {
            open.remove(s);
        }
    }

    /**
     * Goes away: the listening socket and every connection are closed. Returns once the acceptor has left its
     * accept and the readers their reads: a socket closed while another thread blocks on it is only really closed
     * then (a listening socket still completes connections until then, which its close resets, with what a client
     * wrote on them; a connection sends its FIN only then).
     */
    @Override
    public void close() throws IOException {
        synchronized (this) {
            server.close();
            for (Socket s : open) {
                s.close();
            }
        }
        try {
            acceptor.join(java.time.Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the peer's acceptor ends", e);
        }
        if (acceptor.isAlive()) {
            throw new AssertionError("the peer's acceptor did not end within 10 s");
        }
        Await.until(open::isEmpty, java.time.Duration.ofSeconds(10), "the peer's readers to end");
    }
}
