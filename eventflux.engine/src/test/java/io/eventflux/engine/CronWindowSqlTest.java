package io.eventflux.engine;

import org.junit.jupiter.api.Test;

/** {@code WINDOW('cron', ...)} through SQL, playback time, snapshot/restore at every step. */
class CronWindowSqlTest {

    @Test
    void oneRowPerFlushOnTheCronSchedule() {
        Scenario.of("""
                CREATE STREAM S (v INT);
                INSERT INTO Out SELECT sum(v) AS total, count() AS n FROM S WINDOW('cron', '*/5 * * * * *');
                """)
                .send(1000, 1).send(2000, 2).send(6000, 4).advance(12_000).send(21_000, 8).advance(25_000)
                .expect("5000:[3, 2]", "10000:[4, 1]", "25000:[8, 1]");
    }

    @Test
    void expiredEventsAtTheNextFlushAndPerKeyInAPartition() {
        Scenario.of("""
                CREATE STREAM S (k STRING, v INT);
                PARTITION WITH (k OF S) BEGIN
                  INSERT ALL EVENTS INTO Out SELECT k, v FROM S WINDOW('cron', '*/10 * * * * *');
                END;
                """)
                .send(1000, "a", 1).send(2000, "b", 2).send(11_000, "a", 3).advance(20_000)
                // rows of events keep their own time; expired ones carry the flush time
                .expect("1000:[a, 1]", "2000:[b, 2]", "20000:expired:[a, 1]", "11000:[a, 3]",
                        "20000:expired:[b, 2]");
    }
}
