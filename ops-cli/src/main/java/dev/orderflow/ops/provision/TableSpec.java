package dev.orderflow.ops.provision;

import java.util.Set;

/** One DynamoDB table (on-demand capacity); {@code ttlAttribute} is optional. */
public record TableSpec(String name, KeySpec hashKey, KeySpec rangeKey, String ttlAttribute) {
  public TableSpec {
    Specs.required(name, "tables[].name");
    Specs.required(hashKey, "tables[" + name + "].hashKey");
  }

  /** A key attribute; DynamoDB key types are S (string), N (number) or B (binary). */
  public record KeySpec(String name, String type) {
    public KeySpec {
      Specs.required(name, "tables[].hashKey.name");
      Specs.oneOf(type, Set.of("S", "N", "B"), "tables[].*Key.type");
    }
  }
}
