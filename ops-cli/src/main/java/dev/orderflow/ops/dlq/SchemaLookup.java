package dev.orderflow.ops.dlq;

import org.apache.avro.Schema;

/**
 * Writer schemas by registry id; an unknown id or an unreachable registry throws with the reason.
 */
@FunctionalInterface
interface SchemaLookup {
  Schema byId(int id);
}
