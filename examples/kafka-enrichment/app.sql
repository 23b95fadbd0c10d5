-- Kafka-to-Kafka enrichment: orders from one topic, enriched with the customer they belong to (a table
-- kept from a second topic), written to a third topic. The broker comes from $KAFKA_SERVERS.
--   ./eventflux run examples/kafka-enrichment/app.sql          (a real broker; see README.md here)
--   ./eventflux replay examples/kafka-enrichment/app.sql --input examples/kafka-enrichment/input.jsonl
@app:name('KafkaEnrichment')
CREATE STREAM Customers (customerId STRING, name STRING, tier STRING)
  WITH (type = 'source', extension = 'kafka', format = 'json',
        kafka.bootstrap.servers = '${KAFKA_SERVERS:localhost:9092}', kafka.topic = 'customers',
        kafka.group.id = 'eventflux-enrichment', kafka.auto.offset.reset = 'earliest');
CREATE STREAM Orders (orderId STRING, customerId STRING, amount DOUBLE)
  WITH (type = 'source', extension = 'kafka', format = 'json',
        kafka.bootstrap.servers = '${KAFKA_SERVERS:localhost:9092}', kafka.topic = 'orders',
        kafka.group.id = 'eventflux-enrichment', kafka.auto.offset.reset = 'earliest');
CREATE STREAM EnrichedOrders (orderId STRING, customerId STRING, name STRING, tier STRING, amount DOUBLE,
                              payable DOUBLE)
  WITH (type = 'sink', extension = 'kafka', format = 'json',
        kafka.bootstrap.servers = '${KAFKA_SERVERS:localhost:9092}', kafka.topic = 'orders-enriched',
        kafka.key = 'orderId');
CREATE TABLE CustomerTable (customerId STRING PRIMARY KEY, name STRING, tier STRING);

-- The latest version of every customer.
UPSERT INTO CustomerTable
SELECT customerId, name, tier FROM Customers
ON CustomerTable.customerId = Customers.customerId;

-- Every order goes out enriched; an order of an unknown customer goes out too, with tier 'unknown'.
-- Gold customers pay 10% less.
INSERT INTO EnrichedOrders
SELECT o.orderId AS orderId, o.customerId AS customerId, c.name AS name,
       coalesce(c.tier, 'unknown') AS tier, o.amount AS amount,
       IF(c.tier = 'gold', o.amount * 0.9, o.amount) AS payable
FROM Orders AS o LEFT OUTER JOIN CustomerTable AS c ON o.customerId = c.customerId;
