CREATE STREAM S (k STRING, v INT);
CREATE STREAM Q (k STRING);
CREATE TABLE Recent (k STRING PRIMARY KEY, v INT) WITH ('extension' = 'cache', 'cache.size' = '2');
PARTITION WITH (k OF S)
BEGIN
  INSERT INTO Periodic SELECT k, sum(v) AS s FROM S OUTPUT LAST EVERY 1 SECOND;
  INSERT INTO Snap SELECT k, count() AS n FROM S WINDOW('time', 2 SECONDS) OUTPUT SNAPSHOT EVERY 700;
  INSERT INTO Delayed SELECT k, v FROM S WINDOW('delay', 300);
  INSERT INTO Kinds SELECT k, count(DISTINCT v) AS dv FROM S WINDOW('length', 3);
END;
UPSERT INTO Recent SELECT k, v FROM S ON Recent.k = S.k;
INSERT INTO Found SELECT Q.k AS k, Recent.v AS v FROM Q JOIN Recent ON Q.k = Recent.k;
INSERT INTO Opt SELECT e1.v AS a, e2.v AS b, e3.v AS c FROM SEQUENCE (EVERY e1=S[v = 1] -> e2=S[v = 2]? -> e3=S[v = 3]);
INSERT INTO Star SELECT count(e1) AS n, e2.v AS last FROM SEQUENCE (EVERY e1=S[v < 3]* -> e2=S[v >= 3]);
