-- Workload W2 of the standard comparison (issue 10): a sliding window of the last 100 events, average
-- price and count per symbol, one output per input event. No timer: StockStream is read from an inMemory
-- source, the in-process broker other apps' inMemory sinks publish to. `eventflux run` publishes its
-- --input on that topic (it deploys a second app, W2-input, with an inMemory sink on 'stocks'), so the
-- events enter through the source as any publisher's would:
--   python3 eventflux.launcher/src/test/scripts/run-first-output.py      (generates the events)
--   ./eventflux run examples/w2-inmemory.sql --input EVENTS.jsonl       ({"ts": 1, "stream": "StockStream",
--                                                                         "data": {"symbol": "SYM1", ...}})
@app:name('W2')
CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume LONG)
  WITH (type = 'source', extension = 'inMemory', inMemory.topic = 'stocks');
INSERT INTO Out SELECT symbol, price, avg(price) AS avgPrice, count() AS cnt
FROM StockStream WINDOW('length', 100) GROUP BY symbol;
