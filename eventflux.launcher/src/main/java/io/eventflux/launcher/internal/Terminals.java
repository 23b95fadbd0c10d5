package io.eventflux.launcher.internal;

import java.io.Console;
import java.lang.reflect.Method;

/** Whether the process's standard input and output are a terminal. */
final class Terminals {
    private Terminals() {
    }

    /**
     * True on a terminal. Java 17 has a {@link System#console()} only then; from Java 22 it may have one on
     * pipes too, and {@code Console.isTerminal()} tells.
     */
    static boolean interactive() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return (Boolean) isTerminal.invoke(console);
        } catch (NoSuchMethodException java17) {
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
