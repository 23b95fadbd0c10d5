package io.eventflux.persistence.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Options the store refuses before it connects, and passwords that no message shows. */
class JdbcPersistenceOptionsTest {
    private final JdbcPersistenceStoreFactory factory = new JdbcPersistenceStoreFactory();

    @Test
    void missingUrlBadKeepAndBadTableNamesAreRefusedClearly() {
        assertThatThrownBy(() -> factory.create(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("option 'url' is required");
        assertThatThrownBy(() -> factory.create(Map.of("url", "jdbc:postgresql://127.0.0.1:1/x", "keep", "none")))
                .hasMessage("persistence store 'jdbc': option 'keep' must be a positive integer, was 'none'");
        assertThatThrownBy(() -> factory.create(Map.of("url", "jdbc:postgresql://127.0.0.1:1/x",
                "table", "snaps; DROP TABLE users"))).hasMessageContaining("option 'table' must be an identifier")
                .hasMessageContaining("'snaps; DROP TABLE users'");
    }

    /** Nothing listens on port 1: the driver's refusal is reported without the password, wherever it was given. */
    @Test
    void anUnreachableDatabaseIsNamedWithThePasswordMasked() {
        assertThatThrownBy(() -> factory.create(Map.of("url", "jdbc:postgresql://127.0.0.1:1/x", "username", "bob",
                "password", "s3cr3t-pw"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("persistence store 'jdbc': cannot use table eventflux_snapshots at "
                        + "jdbc:postgresql://127.0.0.1:1/x as bob: ")
                .hasMessageNotContaining("s3cr3t-pw");
        assertThatThrownBy(() -> factory.create(Map.of("url",
                "jdbc:postgresql://127.0.0.1:1/x?user=bob&password=s3cr3t-pw&ssl=false")))
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/x?user=bob&password=***&ssl=false")
                .hasMessageNotContaining("s3cr3t-pw");
        assertThatThrownBy(() -> factory.create(Map.of("url", "jdbc:nosuchdb://127.0.0.1:1/x?password=s3cr3t-pw")))
                .hasMessageContaining("no JDBC driver accepts jdbc:nosuchdb://127.0.0.1:1/x?password=***")
                .hasMessageNotContaining("s3cr3t-pw");
    }

    @Test
    void theStoreDescribesItselfWithoutThePassword() {
        JdbcPersistenceStore store = new JdbcPersistenceStore(() -> null, new SnapshotTable("snaps"), 3,
                io.eventflux.extension.support.jdbc.Redaction.url("jdbc:mariadb://h/db?password=s3cr3t-pw"),
                "s3cr3t-pw", () -> 0L);
        assertThat(store)
                .hasToString("jdbc persistence store (table snaps at jdbc:mariadb://h/db?password=***, keep 3)");
    }

    /** A database that cannot be asked is no reason to restore an older revision: load fails unchecked. */
    @Test
    void aLoadThatCannotReachTheDatabaseFailsUncheckedNotAsACorruptRevision() {
        JdbcPersistenceStore store = new JdbcPersistenceStore(() -> {
            throw new java.sql.SQLException("Connection refused");
        }, new SnapshotTable("snaps"), 3, "jdbc:postgresql://h/db", null, () -> 0L);
        assertThatThrownBy(() -> store.load("Shop", "0001")).isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("persistence store 'jdbc': loading revision 0001 of app 'Shop' in table snaps at "
                        + "jdbc:postgresql://h/db failed: Connection refused");
        assertThatThrownBy(() -> store.save("Shop", "0001", new byte[1])).isInstanceOf(java.io.IOException.class)
                .hasMessageContaining("saving revision 0001 of app 'Shop'");
    }
}
