CREATE STREAM S (k STRING, v DOUBLE, b BOOL);
INSERT INTO Stats SELECT distinctCount(k) AS dk, stdDev(v) AS sd, variance(v) AS var, percentile(v, 50.0) AS p50
FROM S WINDOW('length', 4);
INSERT INTO Forever SELECT minForever(v) AS lo, maxForever(v) AS hi, first(k) AS f, last(k) AS l, and(b) AS allB, or(b) AS anyB
FROM S WINDOW('length', 2);
INSERT INTO Sets SELECT k, sizeOfSet(unionSet(v)) AS distinctValues, sum(DISTINCT v) AS ds FROM S WINDOW('time', 2 SECONDS) GROUP BY k;
