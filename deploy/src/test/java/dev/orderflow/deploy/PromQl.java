package dev.orderflow.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names a PromQL expression reads. Small on purpose: strings, label matchers, range and
 * grouping clauses are cut out, and every identifier left is a metric name unless it is a PromQL
 * function, aggregation or keyword. An identifier this list does not know counts as a metric name,
 * so a new function shows up as an "unexposed metric" instead of passing unseen.
 */
final class PromQl {
  private static final Set<String> WORDS =
      Set.of(
          "sum",
          "avg",
          "min",
          "max",
          "count",
          "topk",
          "bottomk",
          "quantile",
          "stddev",
          "group",
          "rate",
          "irate",
          "increase",
          "delta",
          "deriv",
          "idelta",
          "changes",
          "resets",
          "histogram_quantile",
          "clamp_min",
          "clamp_max",
          "clamp",
          "abs",
          "absent",
          "ceil",
          "floor",
          "round",
          "vector",
          "scalar",
          "time",
          "timestamp",
          "label_replace",
          "sort",
          "sort_desc",
          "max_over_time",
          "min_over_time",
          "avg_over_time",
          "sum_over_time",
          "count_over_time",
          "last_over_time",
          "quantile_over_time",
          "absent_over_time",
          "by",
          "without",
          "on",
          "ignoring",
          "group_left",
          "group_right",
          "bool",
          "and",
          "or",
          "unless",
          "offset",
          "inf",
          "nan");

  private static final Pattern IDENT = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PromQl() {}

  static Set<String> metricNames(String expr) {
    String s = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
    s = s.replaceAll("\\{[^}]*}", " ");
    s = s.replaceAll("\\[[^\\]]*]", " ");
    s = s.replaceAll("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
    // Grafana variables ($__rate_interval, $service) are not metrics.
    s = s.replaceAll("\\$\\{?[a-zA-Z_]+}?", " ");
    s = s.replaceAll("\\b\\d+(\\.\\d+)?(e[+-]?\\d+)?[smhdwy]?\\b", " ");
    Set<String> names = new TreeSet<>();
    Matcher m = IDENT.matcher(s);
    while (m.find()) {
      String id = m.group();
      if (!WORDS.contains(id.toLowerCase())) {
        names.add(id);
      }
    }
    return names;
  }
}
