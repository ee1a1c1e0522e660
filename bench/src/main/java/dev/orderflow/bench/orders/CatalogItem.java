package dev.orderflow.bench.orders;

import java.util.List;

/** A product a Nigerian vendor sells, priced in kobo (minor units of NGN). */
public record CatalogItem(String sku, String name, long unitPriceMinor) {

  public static final CatalogItem IPHONE_15_PRO =
      new CatalogItem("APL-IP15PRO-256", "iPhone 15 Pro", 120_000_000L);
  public static final CatalogItem AIRPODS_PRO =
      new CatalogItem("APL-AIRPODSPRO-2", "AirPods Pro", 18_000_000L);

  /** A realistic spread from a carton of noodles to a phone. */
  public static final List<CatalogItem> CATALOG =
      List.of(
          IPHONE_15_PRO,
          AIRPODS_PRO,
          new CatalogItem("TCN-SPARK20-128", "Tecno Spark 20", 14_500_000L),
          new CatalogItem("SAM-A15-128", "Samsung Galaxy A15", 18_500_000L),
          new CatalogItem("ANK-6YD-HOL", "Ankara fabric, 6 yards", 2_500_000L),
          new CatalogItem("IND-CTN-40", "Indomie noodles, carton of 40", 980_000L),
          new CatalogItem("SHEA-500ML", "Shea butter, 500 ml", 350_000L),
          new CatalogItem("RICE-50KG", "Local rice, 50 kg bag", 7_800_000L),
          new CatalogItem("GEN-2.5KVA", "Petrol generator 2.5 kVA", 32_000_000L),
          new CatalogItem("AGB-LACE-5YD", "Aso-oke and lace set", 9_500_000L));
}
