package io.eventflux.function.time.internal;

import static io.eventflux.api.AttributeType.DOUBLE;
import static io.eventflux.api.AttributeType.INT;
import static io.eventflux.api.AttributeType.LONG;
import static io.eventflux.api.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.extension.testing.Invocation;
import io.eventflux.extension.testing.ManualContext;
import org.junit.jupiter.api.Test;

class TimeFunctionsTest {
    /** 2024-02-29T13:45:30.123Z, a Thursday, day 60 of the year, ISO week 9. */
    private static final long TS = 1709214330123L;

    private final TimeFunctions time = new TimeFunctions();
    private final ManualContext context = new ManualContext();

    private Invocation call(String name) {
        return new Invocation(time, context, name);
    }

    private Object extract(String unit, Object ts) {
        return call("extract").constant(STRING, unit).arg(LONG, ts).result();
    }

    @Test
    void listsEveryFunction() {
        assertThat(time.names()).containsExactlyInAnyOrder("formatDate", "parseDate", "dateAdd", "extract");
        assertThat(call("FORMATDATE").arg(LONG, 0L).constant(STRING, "yyyy").result()).isEqualTo("1970");
    }

    @Test
    void formatDateInUtc() {
        assertThat(call("formatDate").arg(LONG, TS).constant(STRING, "yyyy-MM-dd HH:mm:ss.SSS").result())
                .isEqualTo("2024-02-29 13:45:30.123");
        assertThat(call("formatDate").arg(INT, 0).constant(STRING, "yyyy-MM-dd'T'HH:mmXXX").result())
                .isEqualTo("1970-01-01T00:00Z");
        assertThat(call("formatDate").arg(LONG, TS).arg(STRING, "EEE dd/MM").result()).isEqualTo("Thu 29/02");
        assertThat(call("formatDate").arg(LONG, TS).constant(STRING, "x").type()).isEqualTo(STRING);
        assertThat(call("formatDate").arg(LONG, null).constant(STRING, "yyyy").result()).isNull();
        assertThat(call("formatDate").arg(LONG, TS).arg(STRING, null).result()).isNull();
        assertThat(call("formatDate").arg(LONG, TS).arg(STRING, "yyyy-{bad").result()).isNull();
    }

    @Test
    void parseDateInUtc() {
        assertThat(call("parseDate").arg(STRING, "2024-02-29 13:45:30.123").constant(STRING, "yyyy-MM-dd HH:mm:ss.SSS")
                .result()).isEqualTo(TS);
        assertThat(call("parseDate").arg(STRING, "1970-01-02").constant(STRING, "yyyy-MM-dd").result())
                .isEqualTo(86_400_000L);
        assertThat(call("parseDate").arg(STRING, "1970-01-01T01:00+01:00").constant(STRING, "yyyy-MM-dd'T'HH:mmXXX")
                .result()).isEqualTo(0L);
        assertThat(call("parseDate").arg(STRING, "1970-01-02").arg(STRING, "yyyy-MM-dd").result()).isEqualTo(86_400_000L);
        assertThat(call("parseDate").arg(STRING, "x").constant(STRING, "x").type()).isEqualTo(LONG);
    }

    @Test
    void parseDateGivesNullForWhatDoesNotParse() {
        assertThat(call("parseDate").arg(STRING, "not a date").constant(STRING, "yyyy-MM-dd").result()).isNull();
        assertThat(call("parseDate").arg(STRING, "2023-13-01").constant(STRING, "yyyy-MM-dd").result()).isNull();
        // DateTimeFormatter's SMART resolver clamps a day past the end of the month
        assertThat(call("parseDate").arg(STRING, "2023-02-30").constant(STRING, "yyyy-MM-dd").result()).isEqualTo(1677542400000L);
        assertThat(call("parseDate").arg(STRING, "13:45").constant(STRING, "HH:mm").result()).isNull();
        assertThat(call("parseDate").arg(STRING, null).constant(STRING, "yyyy-MM-dd").result()).isNull();
        assertThat(call("parseDate").arg(STRING, "2024").arg(STRING, "{{").result()).isNull();
    }

    @Test
    void dateAddEveryUnit() {
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 5).constant(STRING, "millisecond").result()).isEqualTo(5L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(LONG, 2L).constant(STRING, "Seconds").result()).isEqualTo(2_000L);
        assertThat(call("dateAdd").arg(INT, 0).arg(INT, 1).constant(STRING, "MINUTE").result()).isEqualTo(60_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, -1).constant(STRING, "hours").result()).isEqualTo(-3_600_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).constant(STRING, "day").result()).isEqualTo(86_400_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).constant(STRING, "weeks").result()).isEqualTo(604_800_000L);
        // month and year follow the calendar: Feb 29 + 1 year is Feb 28
        assertThat(call("dateAdd").arg(LONG, TS).arg(INT, 1).constant(STRING, "year").result())
                .isEqualTo(TS + 365L * 86_400_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).constant(STRING, "months").result())
                .isEqualTo(31L * 86_400_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).arg(STRING, "day").result()).isEqualTo(86_400_000L);
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).constant(STRING, "day").type()).isEqualTo(LONG);
    }

    @Test
    void dateAddNulls() {
        assertThat(call("dateAdd").arg(LONG, null).arg(INT, 1).constant(STRING, "day").result()).isNull();
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, null).constant(STRING, "day").result()).isNull();
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).arg(STRING, "fortnight").result()).isNull();
        assertThat(call("dateAdd").arg(LONG, Long.MAX_VALUE).arg(INT, 1).constant(STRING, "year").result()).isNull();
    }

    @Test
    void extractEveryField() {
        assertThat(extract("YEAR", TS)).isEqualTo(2024);
        assertThat(extract("month", TS)).isEqualTo(2);
        assertThat(extract("DAY", TS)).isEqualTo(29);
        assertThat(extract("HOUR", TS)).isEqualTo(13);
        assertThat(extract("MINUTE", TS)).isEqualTo(45);
        assertThat(extract("SECOND", TS)).isEqualTo(30);
        assertThat(extract("MILLISECOND", TS)).isEqualTo(123);
        assertThat(extract("DOW", TS)).isEqualTo(4);
        assertThat(extract("DAY_OF_WEEK", TS)).isEqualTo(4);
        assertThat(extract("DOY", TS)).isEqualTo(60);
        assertThat(extract("DAY_OF_YEAR", TS)).isEqualTo(60);
        assertThat(extract("WEEK", TS)).isEqualTo(9);
        assertThat(call("extract").constant(STRING, "YEAR").arg(INT, 0).result()).isEqualTo(1970);
        assertThat(call("extract").constant(STRING, "YEAR").arg(INT, 0).type()).isEqualTo(INT);
        assertThat(extract("YEAR", null)).isNull();
        assertThat(call("extract").arg(STRING, "decade").arg(LONG, TS).result()).isNull();
        assertThat(call("extract").arg(STRING, "hour").arg(LONG, TS).result()).isEqualTo(13);
    }

    @Test
    void compileTimeArgumentErrors() {
        assertThat(call("formatDate").arg(STRING, "x").constant(STRING, "yyyy").error())
                .isEqualTo("function 'formatDate' argument 1 must be INT or LONG, was STRING");
        assertThat(call("formatDate").arg(LONG, 0L).constant(STRING, "yyyy-{bad").error())
                .startsWith("function 'formatDate' argument 2 is not a valid date pattern 'yyyy-{bad'");
        assertThat(call("parseDate").arg(LONG, 0L).constant(STRING, "yyyy").error())
                .isEqualTo("function 'parseDate' argument 1 must be STRING, was LONG");
        assertThat(call("parseDate").arg(STRING, "x").error()).contains("parseDate");
        assertThat(call("dateAdd").arg(LONG, 0L).arg(DOUBLE, 1.0).constant(STRING, "day").error())
                .isEqualTo("function 'dateAdd' argument 2 must be INT or LONG, was DOUBLE");
        assertThat(call("dateAdd").arg(LONG, 0L).arg(INT, 1).constant(STRING, "fortnight").error())
                .startsWith("function 'dateAdd' argument 3 is not a time unit 'fortnight'");
        assertThat(call("extract").constant(STRING, "DECADE").arg(LONG, 0L).error())
                .startsWith("function 'extract' argument 1 is not a date field 'DECADE'");
        assertThat(call("extract").constant(STRING, "YEAR").arg(STRING, "x").error())
                .isEqualTo("function 'extract' argument 2 must be INT or LONG, was STRING");
    }
}
