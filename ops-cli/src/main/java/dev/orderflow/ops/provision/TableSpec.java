package dev.orderflow.ops.provision;

import java.util.List;
import java.util.Set;

/**
 * One DynamoDB table (on-demand capacity); {@code rangeKey}, {@code ttlAttribute} and {@code
 * indexes} are optional.
 */
public record TableSpec(
    String name, KeySpec hashKey, KeySpec rangeKey, String ttlAttribute, List<IndexSpec> indexes) {
  public TableSpec {
    Specs.required(name, "tables[].name");
    Specs.required(hashKey, "tables[" + name + "].hashKey");
    indexes = indexes == null ? List.of() : List.copyOf(indexes);
  }

  /** A key attribute; DynamoDB key types are S (string), N (number) or B (binary). */
  public record KeySpec(String name, String type) {
    public KeySpec {
      Specs.required(name, "tables[].hashKey.name");
      Specs.oneOf(type, Set.of("S", "N", "B"), "tables[].*Key.type");
    }
  }

  /**
   * A global secondary index projecting the table's keys only: a reader finds the items by another
   * attribute, then reads or updates them by their key (the router finds buyers by contact).
   */
  public record IndexSpec(String name, KeySpec hashKey) {
    public IndexSpec {
      Specs.required(name, "tables[].indexes[].name");
      Specs.required(hashKey, "tables[].indexes[" + name + "].hashKey");
    }
  }
}
