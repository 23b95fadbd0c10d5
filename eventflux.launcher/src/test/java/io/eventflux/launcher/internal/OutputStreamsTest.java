package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.api.StreamSchema;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class OutputStreamsTest {
    @Test
    void outputsAreInsertedIntoOrUndeclaredStreamsButNotInputsTriggersOrTables() {
        OutputStreams outputs = new OutputStreams("""
                CREATE STREAM S (symbol STRING, price DOUBLE); -- INSERT INTO Commented
                CREATE STREAM Mid (symbol STRING);
                CREATE STREAM Commented (a INT); CREATE STREAM Blocked (a INT); CREATE STREAM Quoted (a INT);
                CREATE TABLE T (symbol STRING PRIMARY KEY);
                CREATE TRIGGER Tick AT EVERY 5 SECONDS;
                /* insert into Blocked select * from S; */
                insert into Mid select symbol from S where symbol != 'INSERT INTO Quoted';
                INSERT ALL EVENTS INTO Out SELECT symbol FROM Mid WINDOW('length', 2);
                INSERT INTO T SELECT symbol FROM S;
                SELECT symbol FROM Tick;
                """);

        List<StreamSchema> app = Stream.of("S", "Mid", "Tick", "Out", "OutputStream", "T", "#Inner", "Commented",
                "Blocked", "Quoted").map(name -> new StreamSchema(name, List.of())).toList();

        assertThat(outputs.select(app)).extracting(StreamSchema::name)
                .containsExactly("Mid", "Out", "OutputStream");
        assertThat(outputs.isOutput("S")).isFalse();
        assertThat(outputs.isOutput("Tick")).isFalse();
        assertThat(outputs.isOutput("T")).isFalse();
        assertThat(outputs.isOutput("#Inner")).isFalse();
    }

    @Test
    void commentsAndStringsAreBlankedOut() {
        assertThat(OutputStreams.stripCommentsAndStrings("a -- INSERT INTO X\nb /* c */ 'it''s' \"q\" d"))
                .isEqualTo("a \nb       d");
    }
}
