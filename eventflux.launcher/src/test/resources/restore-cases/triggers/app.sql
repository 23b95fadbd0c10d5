CREATE STREAM S (v INT);
CREATE TRIGGER Started AT START;
CREATE TRIGGER Tick AT EVERY 1 SECOND;
CREATE TRIGGER Cron AT CRON '*/3 * * * * *';
INSERT INTO Starts SELECT triggered_time FROM Started;
INSERT INTO Ticks SELECT triggered_time, count() AS n FROM Tick WINDOW('length', 2);
INSERT INTO Crons SELECT triggered_time FROM Cron;
INSERT INTO Sums SELECT Tick.triggered_time AS t, sum(S.v) AS s FROM Tick JOIN S WINDOW('time', 2 SECONDS);
