package io.eventflux.api;

import io.eventflux.api.config.AppConfig;
import java.util.Map;
import java.util.Objects;

/**
 * How to deploy an app.
 *
 * @param name the app's name; null takes it from {@code @app:name} in the SQL or a generated one
 * @param clock wall clock or playback (event time)
 * @param synchronous true runs queries on the sender's thread (inline mode) instead of a ring buffer
 * @param ringBufferSize ring buffer capacity per app in asynchronous mode (a power of two)
 * @param config stream options from configuration files, layered under the SQL's WITH keys
 * @param environment the variables {@code ${VAR}} and {@code ${VAR:default}} in option values read
 * @param connectors false builds no source and no sink: streams declared with {@code type = 'source'} or
 *     {@code 'sink'} are plain streams (fed through input handlers, read through callbacks), as
 *     {@code eventflux replay} runs an app; their options are still resolved and checked
 * @since 1.5 (connectors)
 */
public record DeployOptions(String name, ClockMode clock, boolean synchronous, int ringBufferSize, AppConfig config,
        Map<String, String> environment, boolean connectors) {
    public static final int DEFAULT_RING_BUFFER_SIZE = 4096;

    public DeployOptions {
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        if (ringBufferSize <= 0 || Integer.bitCount(ringBufferSize) != 1) {
            throw new IllegalArgumentException("ringBufferSize must be a power of two, was " + ringBufferSize);
        }
        Objects.requireNonNull(config, "config");
        environment = Map.copyOf(environment);
    }

    /** With connectors. */
    public DeployOptions(String name, ClockMode clock, boolean synchronous, int ringBufferSize, AppConfig config,
            Map<String, String> environment) {
        this(name, clock, synchronous, ringBufferSize, config, environment, true);
    }

    /** No configuration file; the process environment. */
    public DeployOptions(String name, ClockMode clock, boolean synchronous, int ringBufferSize) {
        this(name, clock, synchronous, ringBufferSize, AppConfig.empty(), System.getenv());
    }

    /** Wall clock, asynchronous, default ring size, name from the SQL. */
    public static DeployOptions defaults() {
        return new DeployOptions(null, ClockMode.WALL, false, DEFAULT_RING_BUFFER_SIZE);
    }

    /** Playback clock and inline processing: deterministic, as {@code eventflux replay} runs. */
    public static DeployOptions playback() {
        return new DeployOptions(null, ClockMode.PLAYBACK, true, DEFAULT_RING_BUFFER_SIZE);
    }

    public DeployOptions withName(String newName) {
        return new DeployOptions(newName, clock, synchronous, ringBufferSize, config, environment, connectors);
    }

    public DeployOptions withClock(ClockMode newClock) {
        return new DeployOptions(name, newClock, synchronous, ringBufferSize, config, environment, connectors);
    }

    public DeployOptions withSynchronous(boolean inline) {
        return new DeployOptions(name, clock, inline, ringBufferSize, config, environment, connectors);
    }

    public DeployOptions withRingBufferSize(int size) {
        return new DeployOptions(name, clock, synchronous, size, config, environment, connectors);
    }

    public DeployOptions withConfig(AppConfig newConfig) {
        return new DeployOptions(name, clock, synchronous, ringBufferSize, newConfig, environment, connectors);
    }

    public DeployOptions withEnvironment(Map<String, String> newEnvironment) {
        return new DeployOptions(name, clock, synchronous, ringBufferSize, config, newEnvironment, connectors);
    }

    /** @param build false: no sources and sinks, the streams that declare them are plain streams */
    public DeployOptions withConnectors(boolean build) {
        return new DeployOptions(name, clock, synchronous, ringBufferSize, config, environment, build);
    }
}
