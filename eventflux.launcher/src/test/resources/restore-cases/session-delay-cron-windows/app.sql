CREATE STREAM S (k STRING, v INT);
INSERT ALL EVENTS INTO Sessions SELECT k, sum(v) AS s, count() AS n FROM S WINDOW('session', 1 SECOND, k) GROUP BY k;
INSERT INTO Late SELECT k, sum(v) AS s FROM S WINDOW('session', 1 SECOND, k, 500) GROUP BY k;
INSERT INTO Delayed SELECT k, v FROM S WINDOW('delay', 700);
INSERT INTO Cron SELECT count() AS n, sum(v) AS s FROM S WINDOW('cron', '*/2 * * * * *');
