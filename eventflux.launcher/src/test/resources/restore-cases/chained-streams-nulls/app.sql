CREATE STREAM S (k STRING, v INT);
INSERT INTO Mid SELECT k, v * 2 AS w FROM S WHERE v IS NULL OR v > 0;
INSERT INTO Counted SELECT k, count() AS n, sum(w) AS s, distinctCount(k) AS dk FROM Mid WINDOW('time', 1 SECOND) GROUP BY k;
INSERT INTO Firsts SELECT k, w FROM Mid GROUP BY k OUTPUT FIRST EVERY 3 EVENTS;
INSERT INTO Snaps SELECT k, count() AS n FROM Mid WINDOW('length', 3) GROUP BY k OUTPUT SNAPSHOT EVERY 700;
INSERT INTO Coalesced SELECT coalesce(k, 'none') AS key, max(w) AS top FROM Mid WINDOW('lengthBatch', 2) GROUP BY k;
