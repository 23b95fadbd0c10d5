package io.eventflux.launcher.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Copies what a child process prints into a buffer on a daemon thread, until the stream ends. */
final class OutputPump {
    private OutputPump() {
    }

    /** Starts copying {@code in} into {@code sink}; the thread ends with the stream (the process). */
    static Thread start(InputStream in, StringBuffer sink) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sink.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
