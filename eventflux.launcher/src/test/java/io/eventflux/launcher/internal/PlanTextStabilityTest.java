package io.eventflux.launcher.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventflux.engine.EventFluxRuntime;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An app's compiled plan reads the same in every engine and every JVM: its text fingerprints the app's
 * stored snapshots, so an identity hash or a lambda's class name in it (a window, aggregator or function
 * definition without a stable text) makes every restart refuse the app's own snapshot as "taken from
 * another version of the app". Compiled here against every window, aggregator and function library
 * bundle on the class path.
 */
class PlanTextStabilityTest {
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]{5,}\\b|\\$\\$Lambda");

    private static final String APP = """
            CREATE STREAM S (k STRING, v DOUBLE, n INT, t LONG, j STRING, b BOOL);
            CREATE STREAM U (k STRING, w DOUBLE);
            CREATE TABLE T (k STRING PRIMARY KEY, w DOUBLE);
            CREATE TRIGGER Cron AT CRON '*/5 * * * * *';
            CREATE TRIGGER Tick AT EVERY 1 SECOND;
            INSERT INTO T SELECT k, w FROM U;
            INSERT INTO W1 SELECT k, count() AS c, sum(v) AS s, avg(v) AS a, min(v) AS lo, max(v) AS hi FROM S WINDOW('length', 3);
            INSERT INTO W2 SELECT distinctCount(k) AS d, stdDev(v) AS sd, variance(v) AS va, percentile(v, 90.0) AS p FROM S WINDOW('lengthBatch', 3);
            INSERT INTO W3 SELECT first(k) AS f, last(k) AS l, minForever(v) AS mf, maxForever(v) AS xf, and(b) AS ab, or(b) AS ob FROM S WINDOW('time', 1 SECOND);
            INSERT INTO W4 SELECT sizeOfSet(unionSet(k)) AS u FROM S WINDOW('timeBatch', 1 SECOND, 0);
            INSERT INTO W5 SELECT k FROM S WINDOW('sliding', 2 SECONDS, 1 SECOND);
            INSERT INTO W6 SELECT k FROM S WINDOW('externalTime', t, 1 SECOND);
            INSERT INTO W7 SELECT k FROM S WINDOW('externalTimeBatch', t, 1 SECOND, 0, 500);
            INSERT INTO W8 SELECT k FROM S WINDOW('session', 1 SECOND, k, 100);
            INSERT INTO W9 SELECT k FROM S WINDOW('sort', 2, v, 'desc', k);
            INSERT INTO W10 SELECT k FROM S WINDOW('unique', k);
            INSERT INTO W11 SELECT k FROM S WINDOW('firstUnique', k);
            INSERT INTO W12 SELECT k FROM S WINDOW('delay', 100);
            INSERT INTO W13 SELECT k FROM S WINDOW('timeLength', 1 SECOND, 5);
            INSERT INTO W14 SELECT k FROM S WINDOW('cron', '*/5 * * * * *');
            INSERT INTO W15 SELECT k FROM S WINDOW('expression', 'count() <= 3');
            INSERT INTO W16 SELECT k FROM S WINDOW('expressionBatch', 'sum(v) < 10');
            INSERT INTO W17 SELECT k FROM S WINDOW('frequent', 2, k);
            INSERT INTO W18 SELECT k FROM S WINDOW('lossyFrequent', 0.3, 0.1, k);
            INSERT INTO F1 SELECT upper(k) AS u, concat(k, '!') AS c, regexMatch(k, 'a.*') AS r, substring(k, 1, 2) AS s,
              round(v, 1) AS ro, sqrt(abs(v)) AS q, log(2.0, v) AS lg, coalesce(k, 'x') AS co, IF(b, 1, 2) AS i,
              CAST(n AS LONG) AS cl, uuid() AS id, now() AS nw, formatDate(t, 'yyyy-MM-dd') AS fd,
              jsonGet(j, '$.a') AS jg, toJson(k) AS tj
            FROM S;
            INSERT INTO P1 SELECT e1.k AS a, e2.k AS b FROM PATTERN (EVERY e1=S[v > 1.0] -> NOT U FOR 1 SECOND -> e2=S) WITHIN 5 SECONDS;
            INSERT INTO J1 SELECT S.k AS k, T.w AS w FROM S JOIN T ON S.k = T.k;
            INSERT INTO R1 SELECT k, sum(v) AS s FROM S GROUP BY k OUTPUT LAST EVERY 1 SECOND;
            INSERT INTO C1 SELECT triggered_time FROM Cron;
            PARTITION WITH (k OF S)
            BEGIN
              INSERT INTO P2 SELECT k, count() AS c FROM S WINDOW('frequent', 1, k);
            END;
            """;

    @Test
    void aPlanReadsTheSameInEveryCompileAndHoldsNoIdentityHash() throws Exception {
        String first;
        String second;
        try (EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            first = engine.compile(APP).toString();
        }
        try (EventFluxRuntime engine = EventFluxRuntime.withServiceLoader(getClass().getClassLoader())) {
            second = engine.compile(APP).toString();
        }
        assertThat(first).isEqualTo(second);
        var m = IDENTITY.matcher(first);
        assertThat(m.find()).as("identity hash or lambda in the plan text: %s",
                m.find(0) ? first.substring(Math.max(0, m.start() - 120), Math.min(first.length(), m.end() + 20)) : "")
                .isFalse();
    }
}
