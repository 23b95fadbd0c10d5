CREATE STREAM Trades (sym STRING, price DOUBLE, vol LONG, ts LONG);
CREATE STREAM Q (sym STRING);
CREATE AGGREGATION TradeAgg AS SELECT sym, sum(price) AS total, avg(price) AS avgPrice, count() AS n, min(price) AS lo, max(vol) AS hi, stdDev(price) AS sd FROM Trades GROUP BY sym AGGREGATE BY ts EVERY SECONDS ... YEARS WITH ('retention.seconds' = '5');
INSERT INTO Secs SELECT Q.sym AS sym, a.AGG_TIMESTAMP AS bucket, a.total AS total, a.n AS n, a.lo AS lo, a.hi AS hi FROM Q JOIN TradeAgg AS a ON Q.sym = a.sym WITHIN 0, 4000000000000 PER 'seconds';
INSERT INTO Days SELECT Q.sym AS sym, a.AGG_TIMESTAMP AS bucket, a.avgPrice AS avgPrice, a.sd AS sd FROM Q JOIN TradeAgg AS a ON Q.sym = a.sym WITHIN '1970-01-01 00:00:00', '2100-01-01 00:00:00' PER 'days';
