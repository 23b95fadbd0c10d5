package io.eventflux.api.io;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a source delivers what it reads; the engine maps the payload (the stream's {@code format}), checks
 * the events against the schema and routes them into the app. Payloads that cannot be mapped, or whose
 * events do not fit the schema, go to the stream's {@code error.strategy}; they never throw back into the
 * source, except under {@code error.strategy = fail}.
 */
@ProviderType
public interface SourceListener {
    /**
     * Header naming where a payload came from ({@code orders.jsonl:12}, {@code orders-0@1734}); error
     * messages and dead-letter events quote it.
     */
    String LOCATION = "eventflux.location";

    /**
     * Hands over one payload (a byte[], String or Object, depending on the connector) with transport
     * headers. Under {@code backpressure = block} (the default) this blocks while the app cannot take
     * more; under {@code backpressure = drop} the events are dropped and counted instead.
     */
    void onPayload(Object payload, Map<String, String> headers);

    /**
     * Hands over one payload only if the app can take it now, never blocking: false means nothing was
     * taken and the source should push back (an HTTP 503, paused Kafka partitions) and offer it again
     * later. Mapping errors are handled as in {@link #onPayload}, and the payload counts as taken.
     */
    boolean offer(Object payload, Map<String, String> headers);

    /**
     * Like {@link #offer}, but says whether the payload could be mapped, for sources that answer their
     * sender at once (an HTTP webhook answers 202, 503 or 400). Never blocks.
     *
     * <p>What the engine does: map the payload on the calling thread before handing its events over;
     * when the mapper throws a {@link MappingException} (or the events do not fit the schema), hand the
     * payload to the stream's {@code error.strategy} exactly as {@link #offer} does (a {@code dlq} stream
     * gets it, with the {@link #LOCATION} header as context) and return {@link OfferResult#rejected} with
     * the error's message, without throwing, whatever the strategy (under {@code fail} the app fails as it
     * would for {@link #offer}); when the app cannot take the events now, take nothing and return
     * {@link OfferResult#FULL} (nothing goes to the error strategy: the sender offers the payload again);
     * otherwise take them and return {@link OfferResult#ACCEPTED}.
     *
     * <p>The default implementation cannot see mapping errors: it delegates to {@link #offer} and answers
     * ACCEPTED or FULL.
     *
     * @param payload a byte[], String or Object, depending on the connector
     * @param headers transport headers, with {@link #LOCATION}
     * @return ACCEPTED, FULL or REJECTED with the reason; never null
     * @since 2.1
     */
    default OfferResult offerMapped(Object payload, Map<String, String> headers) {
        return offer(payload, headers) ? OfferResult.ACCEPTED : OfferResult.FULL;
    }

    /**
     * Hands the stream's {@code error.strategy} a payload the source could not frame or read at all (an
     * oversized frame, a truncated message), as a mapping failure: counted, dead-lettered with
     * {@code reason} and the {@link #LOCATION} header (say, the peer's address), or dropped and logged.
     * Under {@code error.strategy = fail} the app fails and this throws an {@link IllegalStateException}.
     *
     * <p>The default implementation, for listeners other than the engine's, logs a warning.
     *
     * @param payload what was read of it (a byte[] or String prefix), never the whole of an oversized frame
     * @param reason what is wrong with it, naming the limit and where it came from
     * @param headers transport headers, with {@link #LOCATION}
     * @since 2.2
     */
    default void onUnreadable(Object payload, String reason, Map<String, String> headers) {
        System.getLogger(SourceListener.class.getName()).log(System.Logger.Level.WARNING,
                "unreadable payload" + (headers == null || headers.get(LOCATION) == null ? "" : " at "
                        + headers.get(LOCATION)) + ": " + reason);
    }

    /**
     * Completes once every payload handed over before this call has been processed by the app's queries
     * and published by its sinks. A source that acknowledges upstream (Kafka offsets, AMQP acks) does so
     * only after this completes: at-least-once delivery.
     */
    CompletionStage<Void> processed();

    /**
     * Reports that the source lost its connection; the engine stops it and starts it again with the
     * stream's retry backoff ({@code error.retry.*}), on a thread that blocks no other app.
     */
    void onConnectionLost(Throwable cause);
}
