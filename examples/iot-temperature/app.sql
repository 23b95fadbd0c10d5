-- IoT temperature: a threshold alert and an absent-sensor alert (a pattern with NOT ... FOR).
--   ./eventflux replay examples/iot-temperature/app.sql --input examples/iot-temperature/input.jsonl
@app:name('IotTemperature')
CREATE STREAM Readings (sensor STRING, temp DOUBLE);

-- Too hot: every reading above 50 degrees.
INSERT INTO Overheat
SELECT sensor, temp FROM Readings WHERE temp > 50.0;

-- A sensor went silent: a reading followed by no reading of the same sensor for 30 seconds. Every
-- reading starts a watch; the sensor's next reading ends it, so only the last reading before a silence
-- raises the alert, 30 seconds after it (the alert carries the timer's time).
INSERT INTO SensorSilent
SELECT e1.sensor AS sensor, e1.temp AS lastTemp
FROM PATTERN (EVERY e1=Readings -> NOT Readings[sensor = e1.sensor] FOR 30 SECONDS);
