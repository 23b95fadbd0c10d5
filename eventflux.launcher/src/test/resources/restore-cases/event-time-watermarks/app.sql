-- event time: the line ts is when an event arrives, its ts attribute when it happened (disorder up to 1 s)
CREATE STREAM Trades (ts LONG, sym STRING, price DOUBLE)
  WITH ('event.time' = 'ts', 'watermark.delay' = '1 SECOND', 'late.events.stream' = 'LateTrades');
CREATE STREAM LateTrades (ts LONG, sym STRING, price DOUBLE);
INSERT INTO Avg SELECT sym, avg(price) AS avgPrice, count() AS n FROM Trades WINDOW('timeBatch', 2 SECONDS) GROUP BY sym;
INSERT INTO Late SELECT ts, sym FROM LateTrades;
INSERT INTO Spikes SELECT e1.price AS p1, e2.price AS p2
FROM PATTERN (EVERY e1=Trades[price > 100] -> e2=Trades[price < 50]) WITHIN 1500;
INSERT INTO Last SELECT sym, price FROM Trades OUTPUT LAST EVERY 1 SECOND;
