package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import java.io.BufferedReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesReaderTest {
    private static JsonLinesReader reader(String text) {
        return new JsonLinesReader(new BufferedReader(new StringReader(text)), new JsonTreeReader(new JsonFactory()));
    }

    @Test
    void readsDataBatchAndClockLinesSkippingBlankAndCommentLines() throws Exception {
        JsonLinesReader reader = reader("""
                // a comment
                {"ts": 1000, "stream": "S", "data": {"symbol": "IBM", "price": 75.5}}

                {"ts": 1002, "stream": "S", "data": ["GOOG", 51]}
                {"ts": 1002, "stream": "S", "batch": [{"symbol": "A"}, ["B", 2]]}
                {"ts": 6000}
                """);
        List<InputLine> lines = new ArrayList<>();
        for (InputLine line = reader.next(); line != null; line = reader.next()) {
            lines.add(line);
        }

        assertThat(lines).extracting(InputLine::lineNumber).containsExactly(2, 4, 5, 6);
        assertThat(lines).extracting(InputLine::ts).containsExactly(1000L, 1002L, 1002L, 6000L);
        assertThat(lines.get(0).stream()).isEqualTo("S");
        assertThat(lines.get(0).events()).hasSize(1);
        assertThat(lines.get(0).events().get(0).get("price").doubleValue()).isEqualTo(75.5);
        assertThat(lines.get(1).events().get(0).isArray()).isTrue();
        assertThat(lines.get(2).batch()).isTrue();
        assertThat(lines.get(2).events()).hasSize(2);
        assertThat(lines.get(3).clockOnly()).isTrue();
        assertThat(lines.get(3).events()).isEmpty();
    }

    @Test
    void badLinesNameTheirLineNumberAndTheProblem() {
        assertBad("{\"ts\": 1, \"stream\": \"S\", \"data\": {\"a\": 1}\n", 1, "not valid JSON");
        assertBad("\n\n{\"stream\": \"S\", \"data\": {}}", 3, "missing 'ts'");
        assertBad("{\"ts\": \"soon\"}", 1, "'ts' must be an integer");
        assertBad("{\"ts\": 1.5}", 1, "'ts' must be an integer");
        assertBad("[1, 2]", 1, "expected a JSON object");
        assertBad("{\"ts\": 1} {\"ts\": 2}", 1, "not valid JSON: unexpected content after the JSON value");
        assertBad("{\"ts\": 1, \"steam\": \"S\"}", 1, "unknown key 'steam'");
        assertBad("{\"ts\": 1, \"data\": {}}", 1, "'data' without a 'stream'");
        assertBad("{\"ts\": 1, \"stream\": \"S\"}", 1, "exactly one of 'data' or 'batch'");
        assertBad("{\"ts\": 1, \"stream\": \"S\", \"data\": {}, \"batch\": []}", 1, "exactly one of 'data' or 'batch'");
        assertBad("{\"ts\": 1, \"stream\": \"S\", \"data\": 5}", 1, "data must be a JSON object or array");
        assertBad("{\"ts\": 1, \"stream\": \"S\", \"batch\": {}}", 1, "'batch' must be an array");
        assertBad("{\"ts\": 1, \"stream\": 7, \"data\": {}}", 1, "'stream' must be a stream name");
    }

    @Test
    void aDecreasingTsIsRejectedAndDoesNotMoveThePreviousTs() throws Exception {
        JsonLinesReader reader = reader("""
                {"ts": 1000}
                {"ts": 999}
                {"ts": 1000}
                """);
        assertThat(reader.next().ts()).isEqualTo(1000);

        assertThatThrownBy(reader::next)
                .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.lineNumber()).isEqualTo(2))
                .hasMessage("line 2: ts 999 is before the previous ts 1000 (ts must not decrease)");
        InputLine after = reader.next();
        assertThat(after.lineNumber()).isEqualTo(3);
        assertThat(after.ts()).isEqualTo(1000);
        assertThat(reader.next()).isNull();
    }

    private static void assertBad(String text, int line, String problem) {
        assertThatThrownBy(() -> reader(text).next())
                .isInstanceOfSatisfying(BadLineException.class, e -> assertThat(e.lineNumber()).isEqualTo(line))
                .hasMessageStartingWith("line " + line + ": ")
                .hasMessageContaining(problem);
    }
}
