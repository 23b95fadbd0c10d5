-- Clickstream sessions: a session window per user, closed after 30 seconds without a click.
--   ./eventflux replay examples/clickstream-sessions/app.sql --input examples/clickstream-sessions/input.jsonl
@app:name('ClickstreamSessions')
CREATE STREAM Clicks (userId STRING, page STRING);

-- One row per session when it closes (30 s after the user's last click, stamped with that time): how
-- many pages, the entry page and the exit page.
INSERT INTO Sessions
SELECT userId, count() AS pages, first(page) AS entryPage, last(page) AS exitPage
FROM Clicks WINDOW('session', 30 SECONDS, userId)
GROUP BY userId;

-- Users who reached the checkout, at once (no window).
INSERT INTO Checkouts
SELECT userId FROM Clicks WHERE page = '/checkout';
