-- Stock alerts: the bundled example app. Runs on embedded defaults, no external server:
--   ./eventflux run examples/stock-alerts.sql --input examples/stock-events.jsonl
--   ./eventflux replay examples/stock-alerts.sql --input examples/stock-events.jsonl   (event time)

CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);

-- Every large trade, with its notional value.
INSERT INTO LargeTrades
SELECT symbol, price, volume, price * volume AS notional
FROM Trades
WHERE volume >= 1000;

-- The average and top price of the last five trades, per symbol.
INSERT INTO PriceStats
SELECT symbol, avg(price) AS avgPrice, max(price) AS maxPrice, count() AS trades
FROM Trades WINDOW('length', 5)
GROUP BY symbol;
