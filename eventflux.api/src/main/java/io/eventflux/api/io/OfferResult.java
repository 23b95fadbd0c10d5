package io.eventflux.api.io;

import java.util.Objects;

/**
 * What {@link SourceListener#offerMapped} did with a payload, for sources that answer their sender at once
 * (an HTTP webhook answers 202, 503 or 400).
 *
 * @param status taken, not taken because the app is full, or taken but not mappable
 * @param reason for {@link Status#REJECTED}: the mapping error's message (it names the attribute and the
 *     value); empty otherwise
 */
public record OfferResult(Status status, String reason) {
    /** The payload was mapped and taken. */
    public static final OfferResult ACCEPTED = new OfferResult(Status.ACCEPTED, "");

    /** The app cannot take more now: nothing was taken, offer the payload again later. */
    public static final OfferResult FULL = new OfferResult(Status.FULL, "");

    /** The outcome of an offer. */
    public enum Status {
        /** Mapped and taken. */
        ACCEPTED,
        /** Nothing taken: the app is full. */
        FULL,
        /** Taken, but it could not be mapped (or its events do not fit the schema): it went to the error strategy. */
        REJECTED
    }

    public OfferResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
    }

    /** A payload that cannot be mapped, with the mapping error's message. */
    public static OfferResult rejected(String reason) {
        return new OfferResult(Status.REJECTED, reason);
    }
}
