package io.eventflux.api.config;

/** Where a resolved option value came from, strongest first. */
public enum OptionOrigin {
    /** The SQL {@code WITH} clause. */
    SQL,
    /** The configuration file's {@code [streams.Name]} table. */
    STREAM_CONFIG,
    /** The configuration file's {@code [application]} table. */
    APPLICATION_CONFIG
}
