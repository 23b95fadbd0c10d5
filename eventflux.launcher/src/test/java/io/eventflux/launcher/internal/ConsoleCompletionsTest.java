package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsoleCompletionsTest {
    private final ConsoleCompletions completions = new ConsoleCompletions(
            () -> List.of("eventflux:apps", "eventflux:send", "eventflux:status", "felix:lb", "gogo:echo"),
            () -> List.of("Trades", "Hello"),
            app -> Map.of("Hello", List.of("Out", "In")).getOrDefault(app, List.of()));

    @Test
    void theFirstWordIsACommandWithOrWithoutItsScope() {
        assertThat(completions.candidates(List.of("st"), 0)).containsExactly("apps", "echo", "eventflux:apps",
                "eventflux:send", "eventflux:status", "felix:lb", "gogo:echo", "lb", "send", "status");
    }

    @Test
    void theAppCommandsCompleteAppNamesThenStreamNames() {
        assertThat(completions.candidates(List.of("status", "H"), 1)).containsExactly("Hello", "Trades");
        assertThat(completions.candidates(List.of("eventflux:send", "Hello", ""), 2)).containsExactly("In", "Out");
        assertThat(completions.candidates(List.of("send", "Nope", ""), 2)).isEmpty();
        assertThat(completions.candidates(List.of("send", "Hello", "In", ""), 3)).isEmpty();
        // the shell's watch and unwatch
        assertThat(completions.candidates(List.of("eventflux:watch", ""), 1)).containsExactly("Hello", "Trades");
        assertThat(completions.candidates(List.of("unwatch", "T"), 1)).containsExactly("Hello", "Trades");
    }

    @Test
    void optionsAndTheirValuesAreNotArguments() {
        assertThat(completions.candidates(List.of("trace", "-t", "5", "Hello", "O"), 4)).containsExactly("In", "Out");
        assertThat(completions.candidates(List.of("trace", "-t", ""), 2)).isEmpty();
        assertThat(completions.candidates(List.of("trace", "-t", "5", ""), 3)).containsExactly("Hello", "Trades");
    }

    @Test
    void otherCommandsAndScopesGetNoArguments() {
        assertThat(completions.candidates(List.of("apps", ""), 1)).isEmpty();
        assertThat(completions.candidates(List.of("felix:status", ""), 1)).isEmpty();
    }
}
