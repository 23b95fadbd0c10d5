package io.eventflux.sql.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void distanceCountsAdjacentTranspositionsAsOneEdit() {
        assertThat(Suggestions.distance("prcie", "price")).isEqualTo(1);
        assertThat(Suggestions.distance("pricee", "price")).isEqualTo(1);
        assertThat(Suggestions.distance("abc", "xyz")).isEqualTo(3);
    }

    @Test
    void nearestIgnoresCaseAndRespectsTheLimit() {
        assertThat(Suggestions.nearest("PRICE", List.of("symbol", "price"))).isEqualTo("price");
        assertThat(Suggestions.nearest("volumne", List.of("volume", "price"))).isEqualTo("volume");
        assertThat(Suggestions.nearest("xy", List.of("symbol", "price"))).isNull();
    }

    @Test
    void hintListsTheAvailableNamesWhenNothingIsClose() {
        assertThat(Suggestions.hint("prcie", List.of("symbol", "price"))).isEqualTo("did you mean 'price'?");
        assertThat(Suggestions.hint("zzz", List.of("symbol", "Price"))).isEqualTo("available: Price, symbol");
        assertThat(Suggestions.hint("zzz", List.of())).isNull();
    }
}
