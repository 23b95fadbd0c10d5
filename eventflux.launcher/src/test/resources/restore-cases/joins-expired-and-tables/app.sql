CREATE STREAM A (k STRING, x INT);
CREATE STREAM B (k STRING, y INT);
CREATE STREAM Prices (k STRING, p DOUBLE);
CREATE TABLE PriceTable (k STRING PRIMARY KEY, p DOUBLE);
UPSERT INTO PriceTable SELECT k, p FROM Prices ON PriceTable.k = Prices.k;
INSERT ALL EVENTS INTO Both SELECT A.k AS k, x, y FROM A WINDOW('time', 1 SECOND) JOIN B WINDOW('time', 700) ON A.k = B.k;
INSERT INTO Priced SELECT A.k AS k, x, PriceTable.p AS p FROM A WINDOW('length', 2) LEFT OUTER JOIN PriceTable ON A.k = PriceTable.k;
INSERT INTO Totals SELECT A.k AS k, sum(x) AS s, count() AS n FROM A WINDOW('timeBatch', 1 SECOND) JOIN B WINDOW('length', 2) ON A.k = B.k GROUP BY A.k;
