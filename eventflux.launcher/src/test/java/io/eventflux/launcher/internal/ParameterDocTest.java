package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ParameterDocTest {
    @Test
    void splitsNameTypeAndMeaning() {
        assertThat(ParameterDoc.parse("size: INT|LONG, number of events kept"))
                .isEqualTo(new ParameterDoc("size", "INT|LONG", null, false, "number of events kept"));
    }

    @Test
    void readsTheDefaultsTheWaysExtensionsWriteThem() {
        assertThat(ParameterDoc.parse("kafka.poll.timeout.ms: LONG, longest wait of one poll (default 100)")
                .defaultValue()).isEqualTo("100");
        assertThat(ParameterDoc.parse("file.flush.interval.ms: LONG, how long lines may stay buffered "
                + "(default 1000; 0: every chunk)").defaultValue()).isEqualTo("1000");
        assertThat(ParameterDoc.parse("file.rotate.size.bytes: LONG, rotate past this size (default 0: off)")
                .defaultValue()).isEqualTo("0");
        assertThat(ParameterDoc.parse("file.start.position: STRING, beginning (default) or end").defaultValue())
                .isEqualTo("beginning");
        assertThat(ParameterDoc.parse("file.mode: STRING, read (once to the end, then idle; default) or tail")
                .defaultValue()).isEqualTo("read");
        assertThat(ParameterDoc.parse("kafka.acks: STRING, 0 | 1 | all (default all)").defaultValue())
                .isEqualTo("all");
        assertThat(ParameterDoc.parse("kafka.group.id: STRING, consumer group (default eventflux-<app>-<stream>)")
                .defaultValue()).isEqualTo("eventflux-<app>-<stream>");
    }

    @Test
    void readsRequiredAndLeavesOthersOptional() {
        ParameterDoc d = ParameterDoc.parse("kafka.topic: STRING, topic names separated by commas (required)");
        assertThat(d.required()).isTrue();
        assertThat(d.defaultValue()).isNull();
        assertThat(ParameterDoc.parse("file.path: STRING, the file to write (required; its directory must exist)")
                .required()).isTrue();
        assertThat(ParameterDoc.parse("kafka.key: STRING, an attribute; absent: no key").required()).isFalse();
    }

    @Test
    void keepsAnEntryWithoutTypeWhole() {
        assertThat(ParameterDoc.parse("expression: a condition on the events"))
                .isEqualTo(new ParameterDoc("expression", "", null, false, "a condition on the events"));
        assertThat(ParameterDoc.parse("bare")).isEqualTo(new ParameterDoc("bare", "", null, false, ""));
    }

    @Test
    void readsDefaultsInWordsQuotedAndAfterOtherText() {
        assertThat(ParameterDoc.parse("log.prefix: STRING, text before each line (default: the stream's name and ': ')")
                .defaultValue()).isEqualTo("the stream's name and ': '");
        assertThat(ParameterDoc.parse("csv.delimiter: STRING, one character (default ',', '\\t' for tab)")
                .defaultValue()).isEqualTo("','");
        assertThat(ParameterDoc.parse("rabbitmq.password: STRING, default guest (never logged)").defaultValue())
                .isEqualTo("guest");
        assertThat(ParameterDoc.parse("rabbitmq.persistent: BOOL, persistent messages (delivery mode 2, default true)")
                .defaultValue()).isEqualTo("true");
        assertThat(ParameterDoc.parse("tcp.framing: STRING, line (default: \\n ends a frame) or length")
                .defaultValue()).isEqualTo("line");
        ParameterDoc exchange = ParameterDoc.parse("rabbitmq.exchange: STRING, the exchange (required; '' is the "
                + "default exchange)");
        assertThat(exchange.defaultValue()).isNull();
        assertThat(exchange.required()).isTrue();
    }

    @Test
    void takesAFunctionSignatureWhole() {
        ParameterDoc d = ParameterDoc.parse("if(cond: BOOL, a, b): a when cond is true, else b");
        assertThat(d.name()).isEqualTo("if(cond: BOOL, a, b)");
        assertThat(d.description()).isEqualTo("a when cond is true, else b");
    }
}
