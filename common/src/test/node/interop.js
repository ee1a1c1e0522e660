// A standard Confluent-format client that the project did not write: @kafkajs/confluent-schema-registry
// for the wire format and registry, kafkajs for the broker. ConfluentInteropIT runs it to prove that
// records written by it are read by our Java serde, and the other way round.
//
//   node interop.js produce <brokers> <registryUrl> <topic> <schema.avsc> <records.json> <out.json>
//     registers the schema under <topic>-value, encodes each record, produces them keyed by orderId,
//     and writes {"schemaId": N, "count": M} to out.json
//   node interop.js consume <brokers> <registryUrl> <topic> <count> <out.json>
//     reads <count> records from the start of the topic, decodes them, writes them as a JSON array
'use strict';

const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');

const TIMEOUT_MS = 60_000;

function clients(brokers, registryUrl) {
  const kafka = new Kafka({
    clientId: 'orderflow-interop-node',
    brokers: brokers.split(','),
    logLevel: logLevel.ERROR,
    retry: { retries: 5 },
  });
  return { kafka, registry: new SchemaRegistry({ host: registryUrl }) };
}

async function produce([brokers, registryUrl, topic, schemaFile, recordsFile, outFile]) {
  const { kafka, registry } = clients(brokers, registryUrl);
  const schema = fs.readFileSync(schemaFile, 'utf8');
  const records = JSON.parse(fs.readFileSync(recordsFile, 'utf8'));
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject: `${topic}-value` });
  const messages = [];
  for (const record of records) {
    messages.push({ key: record.orderId, value: await registry.encode(id, record) });
  }
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic, messages });
  } finally {
    await producer.disconnect();
  }
  fs.writeFileSync(outFile, JSON.stringify({ schemaId: id, count: messages.length }));
}

async function consume([brokers, registryUrl, topic, count, outFile]) {
  const { kafka, registry } = clients(brokers, registryUrl);
  const wanted = Number(count);
  const decoded = [];
  const consumer = kafka.consumer({ groupId: `orderflow-interop-${topic}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer
        .run({
          eachMessage: async ({ message }) => {
            decoded.push(await registry.decode(message.value));
            if (decoded.length >= wanted) resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  fs.writeFileSync(outFile, JSON.stringify(decoded));
}

const [mode, ...args] = process.argv.slice(2);
const modes = { produce, consume };
if (!modes[mode]) {
  console.error(`usage: node interop.js produce|consume ...; got '${mode}'`);
  process.exit(64);
}
const deadline = setTimeout(() => {
  console.error(`interop ${mode} did not finish within ${TIMEOUT_MS} ms`);
  process.exit(3);
}, TIMEOUT_MS);
modes[mode](args)
  .then(() => {
    clearTimeout(deadline);
    process.exit(0);
  })
  .catch((error) => {
    console.error(`interop ${mode} failed:`, error);
    process.exit(1);
  });
