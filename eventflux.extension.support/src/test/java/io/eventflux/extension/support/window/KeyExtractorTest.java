package io.eventflux.extension.support.window;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.Event;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KeyExtractorTest {
    @Test
    void keysAreTheKeyAttributesValuesComparedByValue() {
        KeyExtractor keys = new KeyExtractor(new int[] {2, 0});
        assertThat(keys.keyOf(new Event(1, new Object[] {"a", 1, null})))
                .isEqualTo(keys.keyOf(new Event(2, new Object[] {"a", 9, null})))
                .isEqualTo(Arrays.asList(null, "a"));
    }

    @Test
    void itsTextNamesTheKeyAttributesTheSameInEveryCompile() {
        // window definitions holding it are part of an app's plan text, which fingerprints its stored
        // snapshots: no identity hash may be part of it
        assertThat(new KeyExtractor(new int[] {2, 0})).hasToString("KeyExtractor[2, 0]")
                .hasToString(new KeyExtractor(new int[] {2, 0}).toString());
    }
}
