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
 */
public record DeployOptions(String name, ClockMode clock, boolean synchronous, int ringBufferSize, AppConfig config,
        Map<String, String> environment) {
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
        return new DeployOptions(newName, clock, synchronous, ringBufferSize, config, environment);
    }

    public DeployOptions withClock(ClockMode newClock) {
        return new DeployOptions(name, newClock, synchronous, ringBufferSize, config, environment);
    }

    public DeployOptions withSynchronous(boolean inline) {
        return new DeployOptions(name, clock, inline, ringBufferSize, config, environment);
    }

    public DeployOptions withRingBufferSize(int size) {
        return new DeployOptions(name, clock, synchronous, size, config, environment);
    }

    public DeployOptions withConfig(AppConfig newConfig) {
        return new DeployOptions(name, clock, synchronous, ringBufferSize, newConfig, environment);
    }

    public DeployOptions withEnvironment(Map<String, String> newEnvironment) {
        return new DeployOptions(name, clock, synchronous, ringBufferSize, config, newEnvironment);
    }
}
