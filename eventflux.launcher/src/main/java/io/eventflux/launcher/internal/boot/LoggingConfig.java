package io.eventflux.launcher.internal.boot;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.LogManager;

/**
 * java.util.logging configuration of the runnable jar ({@code java.util.logging.config.class}, set in
 * eventflux.bndrun; this class is copied to the root of eventflux.jar so the system class loader finds
 * it). Libraries that log through JUL inside the framework (SPI Fly reports every provider it registers
 * at INFO) are quiet below WARNING, and what is logged goes to stderr, one line each, so standard
 * output stays clean for the command's own output. The log sink ({@code extension = 'log'}) logs at INFO
 * to the logger {@code io.eventflux.sink.log}, which is let through: its lines are what the user asked
 * for. {@code -Djava.util.logging.config.file=F} still wins.
 */
public final class LoggingConfig {
    private static final String QUIET = """
            handlers=java.util.logging.ConsoleHandler
            .level=WARNING
            io.eventflux.sink.log.level=INFO
            java.util.logging.ConsoleHandler.level=ALL
            java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter
            java.util.logging.SimpleFormatter.format=%4$s %3$s: %5$s%6$s%n
            """;

    public LoggingConfig() throws IOException {
        String file = System.getProperty("java.util.logging.config.file");
        try (InputStream in = file != null ? Files.newInputStream(Path.of(file))
                : new ByteArrayInputStream(QUIET.getBytes(StandardCharsets.ISO_8859_1))) {
            LogManager.getLogManager().readConfiguration(in);
        }
    }
}
