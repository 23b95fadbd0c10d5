package io.eventflux.connector.tcp.internal;

/** Where readers wait while the source is paused. */
final class PauseGate {
    private boolean closed;

    synchronized void close() {
        closed = true;
    }

    synchronized void open() {
        closed = false;
        notifyAll();
    }

    /** Returns once the gate is open. @throws InterruptedException when the reader is being stopped */
    synchronized void pass() throws InterruptedException {
        while (closed) {
            wait();
        }
    }
}
