CREATE STREAM A (id INT, v DOUBLE);
CREATE STREAM B (id INT, v DOUBLE);
INSERT INTO Rising SELECT e1.id AS first, e2.id AS second FROM PATTERN (EVERY e1=A[v > 1.0] -> e2=A[v > e1.v]) WITHIN 2 SECONDS;
INSERT INTO Once SELECT e1.id AS a, e2.id AS b FROM PATTERN (e1=A -> e2=B[id = e1.id]);
INSERT INTO Grouped SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A -> e2=B));
INSERT INTO Counted SELECT e1[0].id AS c0, e1[last].id AS cl, count(e1) AS n, avg(e1.v) AS av, e2.id AS b
FROM PATTERN (EVERY e1=A{2,3} -> e2=B);
INSERT INTO Absent SELECT e1.id AS a FROM PATTERN (EVERY e1=A -> NOT B[id = e1.id] FOR 1 SECOND);
INSERT INTO Seq SELECT e1.id AS a, e2.id AS b FROM SEQUENCE (EVERY e1=A -> e2=B);
INSERT INTO SeqPlus SELECT e1[0].id AS a0, e1[last].id AS al, e2.id AS b FROM SEQUENCE (EVERY e1=A+ -> e2=B);
INSERT INTO Either SELECT e1.id AS a, e2.id AS b FROM PATTERN (EVERY (e1=A[v > 5.0] OR e2=B[v > 5.0]));
