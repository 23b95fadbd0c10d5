package io.eventflux.api.window;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A compiled window condition (see {@link WindowConditions}): immutable, shared by every instance of a
 * query. Each window instance evaluates it with its own {@link ConditionState}.
 *
 * @since 1.1
 */
@ProviderType
public interface WindowCondition {
    /** The condition as written. */
    String expression();

    /**
     * A new state in its empty form (no events). Called from {@link WindowDefinition#create}.
     *
     * @param context the window instance's context (the condition's functions read its clock)
     */
    ConditionState create(WindowContext context);
}
