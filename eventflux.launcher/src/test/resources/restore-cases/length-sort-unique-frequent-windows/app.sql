CREATE STREAM S (k STRING, v INT);
INSERT ALL EVENTS INTO Sorted SELECT k, v FROM S WINDOW('sort', 2, v, 'desc');
INSERT ALL EVENTS INTO Unique SELECT k, v FROM S WINDOW('unique', k);
INSERT INTO FirstUnique SELECT k, v FROM S WINDOW('firstUnique', k);
INSERT INTO Frequent SELECT k, count() AS n FROM S WINDOW('frequent', 2, k);
INSERT INTO Lossy SELECT k, count() AS n FROM S WINDOW('lossyFrequent', 0.3, 0.1, k);
INSERT ALL EVENTS INTO LengthBatch SELECT k, v FROM S WINDOW('lengthBatch', 3);
INSERT INTO Length SELECT k, avg(v) AS a, min(v) AS lo, max(v) AS hi FROM S WINDOW('length', 3) GROUP BY k;
