package dev.orderflow.testsupport;

/** A Kafka cluster tests can reach; closing it stops it only if this JVM started it. */
interface KafkaCluster extends AutoCloseable {
  String bootstrapServers();

  KafkaMode mode();

  @Override
  void close();
}
