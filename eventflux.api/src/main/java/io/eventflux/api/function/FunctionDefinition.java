package io.eventflux.api.function;

import io.eventflux.api.AttributeType;
import org.osgi.annotation.versioning.ConsumerType;

/** A validated function call. */
@ConsumerType
public interface FunctionDefinition {
    /** The type of the values the function returns. */
    AttributeType returnType();

    /** A function instance for one query instance. */
    Function create(FunctionContext context);
}
