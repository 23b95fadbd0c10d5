package io.eventflux.launcher.internal;

import java.io.InputStream;
import java.io.PrintStream;

/** The process's standard streams, injected so commands can be tested without touching System. */
record Console(InputStream in, PrintStream out, PrintStream err) {
    static Console system() {
        return new Console(System.in, System.out, System.err);
    }
}
