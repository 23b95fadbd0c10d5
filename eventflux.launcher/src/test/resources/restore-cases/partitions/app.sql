CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);
PARTITION WITH (symbol OF Trades)
BEGIN
  INSERT INTO #Priced SELECT symbol, price, volume FROM Trades WHERE price > 0.0;
  INSERT INTO Totals SELECT symbol, sum(volume) AS total, count() AS n FROM #Priced WINDOW('time', 1 SECOND);
  INSERT INTO Batches SELECT symbol, avg(price) AS avgPrice FROM Trades WINDOW('timeBatch', 1 SECOND);
  INSERT INTO Ups SELECT e1.symbol AS symbol, e1.price AS p1, e2.price AS p2
  FROM PATTERN (EVERY e1=Trades -> e2=Trades[price > e1.price]) WITHIN 1500;
END;
PARTITION WITH (price < 100.0 AS 'low' OR price >= 100.0 AS 'high' OF Trades)
BEGIN
  INSERT INTO Ranges SELECT symbol, count() AS n FROM Trades WINDOW('length', 2);
  INSERT INTO Quiet SELECT e1.symbol AS symbol FROM PATTERN (EVERY e1=Trades -> NOT Trades FOR 800);
END;
