package io.eventflux.extension.support.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class RedactionTest {
    @Test
    void urlsLoseTheirPasswordParametersAndUserInformationPasswords() {
        assertThat(Redaction.url("jdbc:postgresql://h:5432/db?user=ann&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=ann&password=***&ssl=true");
        assertThat(Redaction.url("jdbc:mysql://h/db;PWD=s3cret;x=1")).isEqualTo("jdbc:mysql://h/db;PWD=***;x=1");
        assertThat(Redaction.url("jdbc:mariadb://ann:s3cret@h:3306/db")).isEqualTo("jdbc:mariadb://ann:***@h:3306/db");
        assertThat(Redaction.url("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
        assertThat(Redaction.urlPassword("jdbc:postgresql://h/db?password=s3cret&x=1")).isEqualTo("s3cret");
        assertThat(Redaction.urlPassword("jdbc:mariadb://ann:pw12@h/db")).isEqualTo("pw12");
        assertThat(Redaction.urlPassword("jdbc:postgresql://h/db")).isNull();
    }

    @Test
    void textsLosePasswordsOfFourCharactersOrMore() {
        assertThat(Redaction.text("auth failed for s3cret at s3cret", "s3cret"))
                .isEqualTo("auth failed for *** at ***");
        assertThat(Redaction.text("a plain message", "p")).as("too short to tell apart").isEqualTo("a plain message");
        assertThat(Redaction.text("a message", null)).isEqualTo("a message");
    }

    @Test
    void aCauseShowingThePasswordIsNotAttached() {
        SQLException clean = new SQLException("connection refused");
        SQLException leaky = new SQLException("wrapped", new SQLException("bad password s3cret"));
        assertThat(Redaction.safeCause(clean, "s3cret")).isSameAs(clean);
        assertThat(Redaction.safeCause(leaky, "s3cret")).isNull();
        assertThat(Redaction.safeCause(leaky, null)).isSameAs(leaky);
    }
}
