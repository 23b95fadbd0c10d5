CREATE STREAM S (k STRING, v INT);
INSERT ALL EVENTS INTO Sliding SELECT k, sum(v) AS s, count() AS n FROM S WINDOW('time', 1 SECOND);
INSERT ALL EVENTS INTO Batches SELECT k, sum(v) AS s FROM S WINDOW('timeBatch', 1 SECOND) GROUP BY k;
INSERT INTO Aligned SELECT count() AS n, max(v) AS top FROM S WINDOW('tumbling', 700, 0);
INSERT INTO Hopping SELECT k, count() AS n FROM S WINDOW('sliding', 2 SECONDS, 500) GROUP BY k;
INSERT INTO TimeLength SELECT k, sum(v) AS s FROM S WINDOW('timeLength', 1500, 2);
