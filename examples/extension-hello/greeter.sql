@app:name('Greeter')
CREATE STREAM People (name STRING);
CREATE STREAM Greetings (greeting STRING, recent STRING)
    WITH (type = 'sink', extension = 'helloFile', format = 'json', helloFile.path = 'greetings.txt');

INSERT INTO Greetings
SELECT hello:greet(name) AS greeting, helloNames(name) AS recent
FROM People WINDOW('helloLast', 2);
