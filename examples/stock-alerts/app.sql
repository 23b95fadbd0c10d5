-- Stock alerts: time windows and a pattern over one stream of trades.
--   ./eventflux replay examples/stock-alerts/app.sql --input examples/stock-alerts/input.jsonl
@app:name('StockAlerts')
CREATE STREAM Trades (symbol STRING, price DOUBLE, volume LONG);

-- Ten-second price bars per symbol, aligned to the clock (0-10 s, 10-20 s, ...): one row per symbol when
-- each bar closes.
INSERT INTO PriceBars
SELECT symbol, avg(price) AS avgPrice, max(price) AS high, sum(volume) AS volume
FROM Trades WINDOW('timeBatch', 10 SECONDS, 0)
GROUP BY symbol;

-- A price jump: a large trade (1000 shares or more) followed, within 30 seconds, by a trade of the same
-- symbol more than 5% above it. Every large trade starts its own watch.
INSERT INTO PriceJumps
SELECT e1.symbol AS symbol, e1.price AS fromPrice, e2.price AS toPrice
FROM PATTERN (EVERY e1=Trades[volume >= 1000] -> e2=Trades[symbol = e1.symbol AND price > e1.price * 1.05])
WITHIN 30 SECONDS;
