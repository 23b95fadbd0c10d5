package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static final Set<String> VALUES = Set.of("--input", "--output");
    private static final Set<String> FLAGS = Set.of("--skip-bad");

    @Test
    void parsesPositionalArgumentsOptionsAndFlags() throws Exception {
        CommandLine cl = CommandLine.parse("replay",
                List.of("app.sql", "--input", "in.jsonl", "--output=out.jsonl", "--skip-bad", "-"), VALUES, FLAGS);

        assertThat(cl.positional()).containsExactly("app.sql", "-");
        assertThat(cl.value("--input")).isEqualTo("in.jsonl");
        assertThat(cl.value("--output")).isEqualTo("out.jsonl");
        assertThat(cl.flag("--skip-bad")).isTrue();
        assertThat(cl.help()).isFalse();
        assertThat(CommandLine.parse("replay", List.of("-h"), VALUES, FLAGS).help()).isTrue();
    }

    @Test
    void aRepeatableOptionKeepsEveryValueInOrder() throws Exception {
        CommandLine cl = CommandLine.parse("replay", List.of("app.sql", "--bundle", "a.jar", "--input", "in.jsonl",
                "--bundle=ext"), VALUES, Set.of("--bundle"), FLAGS);

        assertThat(cl.values("--bundle")).containsExactly("a.jar", "ext");
        assertThat(cl.value("--input")).isEqualTo("in.jsonl");
        assertThat(cl.values("--output")).isEmpty();
        assertThatThrownBy(() -> CommandLine.parse("replay", List.of("--bundle"), VALUES, Set.of("--bundle"), FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("option --bundle needs a value");
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndRepeatedOptions() {
        assertThatThrownBy(() -> CommandLine.parse("replay", List.of("--inptu", "x"), VALUES, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --inptu");
        assertThatThrownBy(() -> CommandLine.parse("replay", List.of("app.sql", "--input"), VALUES, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("option --input needs a value");
        assertThatThrownBy(() -> CommandLine.parse("replay", List.of("--input", "a", "--input", "b"), VALUES, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("option --input given twice");
        assertThatThrownBy(() -> CommandLine.parse("replay", List.of("--skip-bad=yes"), VALUES, FLAGS))
                .isInstanceOf(UsageException.class).hasMessage("unknown option --skip-bad=yes");
    }
}
