-- Fraud detection: payments checked against a table of known cards (a stream-table join) and a burst
-- of payments on one card (a sliding time window).
--   ./eventflux replay examples/fraud-detection/app.sql --input examples/fraud-detection/input.jsonl
@app:name('FraudDetection')
CREATE STREAM CardUpdates (cardId STRING, owner STRING, homeCountry STRING, blocked BOOL);
CREATE STREAM Payments (cardId STRING, amount DOUBLE, country STRING);
CREATE TABLE Cards (cardId STRING PRIMARY KEY, owner STRING, homeCountry STRING, blocked BOOL);

-- The table of known cards: a card update inserts the card or replaces it (e.g. when it is blocked).
UPSERT INTO Cards
SELECT cardId, owner, homeCountry, blocked FROM CardUpdates
ON Cards.cardId = CardUpdates.cardId;

-- A payment with a blocked card, or above 1000 outside the card's home country.
INSERT INTO Suspicious
SELECT p.cardId AS cardId, c.owner AS owner, p.amount AS amount, p.country AS country,
       IF(c.blocked, 'blocked card', 'large payment abroad') AS reason
FROM Payments AS p JOIN Cards AS c ON p.cardId = c.cardId
WHERE c.blocked OR (p.country != c.homeCountry AND p.amount > 1000.0);

-- A payment with a card the table does not know (the outer join pads the card's columns with NULL).
INSERT INTO UnknownCards
SELECT p.cardId AS cardId, p.amount AS amount, p.country AS country
FROM Payments AS p LEFT OUTER JOIN Cards AS c ON p.cardId = c.cardId
WHERE c.cardId IS NULL;

-- Three or more payments on one card within a minute: on every payment, the card's count over the last
-- 60 seconds.
INSERT INTO Bursts
SELECT cardId, count() AS payments, sum(amount) AS total
FROM Payments WINDOW('time', 60 SECONDS)
GROUP BY cardId
HAVING count() >= 3;
