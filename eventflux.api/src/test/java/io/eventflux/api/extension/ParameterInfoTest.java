package io.eventflux.api.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterInfoTest {
    @Test
    void readsTypeDefaultAndMeaning() {
        assertThat(ParameterInfo.parse("kafka.poll.timeout.ms: LONG = 100, longest wait of one poll"))
                .isEqualTo(new ParameterInfo("kafka.poll.timeout.ms", "LONG", "100", false, false,
                        "longest wait of one poll", null));
        ParameterInfo size = ParameterInfo.parse("size: INT|LONG, number of events kept");
        assertThat(size.type()).isEqualTo("INT|LONG");
        assertThat(size.hasDefault()).isFalse();
        assertThat(size.required()).isFalse();
        assertThat(size.description()).isEqualTo("number of events kept");
    }

    @Test
    void readsQuotedDefaultsDefaultsInWordsAndRequired() {
        ParameterInfo delimiter = ParameterInfo.parse("csv.delimiter: STRING = ',', one character");
        assertThat(delimiter.defaultValue()).isEqualTo(",");
        assertThat(delimiter.defaultInWords()).isFalse();
        assertThat(delimiter.description()).isEqualTo("one character");
        assertThat(ParameterInfo.parse("x: STRING = '', empty").defaultValue()).isEmpty();
        ParameterInfo table = ParameterInfo.parse("table.name: STRING = (the table's name), the database table");
        assertThat(table.defaultValue()).isEqualTo("the table's name");
        assertThat(table.defaultInWords()).isTrue();
        ParameterInfo topic = ParameterInfo.parse("kafka.topic: STRING required, topic names");
        assertThat(topic.required()).isTrue();
        assertThat(topic.hasDefault()).isFalse();
        assertThat(topic.description()).isEqualTo("topic names");
        assertThat(ParameterInfo.parse("a.b: BOOL = true").description()).isEmpty();
    }

    @Test
    void keepsWhatIsNotATypeAsMeaning() {
        assertThat(ParameterInfo.parse("key: attribute of any type, the unique key"))
                .isEqualTo(new ParameterInfo("key", "", null, false, false, "attribute of any type, the unique key",
                        null));
        assertThat(ParameterInfo.parse("bare").name()).isEqualTo("bare");
        // free text that only mentions a default is not a structured default
        assertThat(ParameterInfo.parse("a: LONG, how long (default 100)").hasDefault()).isFalse();
    }

    @Test
    void readsAFunctionSignatureAndItsResultType() {
        ParameterInfo round = ParameterInfo.parse("round(x, n: INT|LONG): x rounded to n places, DOUBLE");
        assertThat(round.isSignature()).isTrue();
        assertThat(round.name()).isEqualTo("round");
        assertThat(round.signature()).isEqualTo("round(x, n: INT|LONG)");
        assertThat(round.returnType()).isEqualTo("DOUBLE");
        assertThat(ParameterInfo.parse("abs(x): absolute value, type of x").returnType()).isNull();
        assertThat(ParameterInfo.parse("size: INT, n").returnType()).isNull();
    }
}
