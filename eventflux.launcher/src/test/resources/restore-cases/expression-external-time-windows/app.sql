CREATE STREAM S (k STRING, v INT, t LONG);
INSERT ALL EVENTS INTO Expr SELECT k, v FROM S WINDOW('expression', 'sum(v) < 10');
INSERT INTO ExprBatch SELECT sum(v) AS s, count() AS n FROM S WINDOW('expressionBatch', 'count() <= 2');
INSERT ALL EVENTS INTO Ext SELECT k, sum(v) AS s FROM S WINDOW('externalTime', t, 1 SECOND);
INSERT ALL EVENTS INTO ExtBatch SELECT sum(v) AS s FROM S WINDOW('externalTimeBatch', t, 1 SECOND);
INSERT INTO ExtTimeout SELECT sum(v) AS s FROM S WINDOW('externalTimeBatch', t, 1 SECOND, 0, 500);
