package io.eventflux.management.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AppNamesTest {
    @Test
    void annotationWins() {
        assertThat(AppNames.of("x.sql", "@app:name('Orders');\nCREATE STREAM S (a INT);")).isEqualTo("Orders");
        assertThat(AppNames.of("x.sql", "@APP : name ( 'It''s' );")).isEqualTo("It's");
    }

    @Test
    void fileNameWithoutExtensionOtherwise() {
        assertThat(AppNames.of("orders.sql", "CREATE STREAM S (a INT);")).isEqualTo("orders");
        assertThat(AppNames.of("Orders.SQL", "")).isEqualTo("Orders");
    }

    @Test
    void commentedAnnotationIsIgnored() {
        assertThat(AppNames.of("orders.sql", "-- @app:name('Old')\nCREATE STREAM S (a INT);")).isEqualTo("orders");
    }
}
