package dev.orderflow.bench.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** One PNG: throughput (left axis) and latency percentiles (right axis) per second of the run. */
final class ChartWriter {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 600;

  private ChartWriter() {}

  static void write(BenchReport report, Path png) throws IOException {
    XYSeries produced = new XYSeries("orders produced/s");
    XYSeries delivered = new XYSeries("messages received by Meta/s");
    XYSeries p50 = new XYSeries("latency p50 (ms)");
    XYSeries p99 = new XYSeries("latency p99 (ms)");
    for (TimePoint point : report.timeline()) {
      produced.add(point.second(), point.producedPerSecond());
      delivered.add(point.second(), point.deliveredPerSecond());
      if (!Double.isNaN(point.p50Millis())) {
        p50.add(point.second(), point.p50Millis());
        p99.add(point.second(), point.p99Millis());
      }
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(new NumberAxis("seconds since the load started"));
    plot.setRangeAxis(0, new NumberAxis("records per second"));
    plot.setRangeAxis(1, new NumberAxis("latency, ms"));
    plot.setDataset(0, collection(produced, delivered));
    plot.setDataset(1, collection(p50, p99));
    plot.setRenderer(0, renderer(new Color(0x1f77b4), new Color(0x2ca02c)));
    plot.setRenderer(1, renderer(new Color(0xff7f0e), new Color(0xd62728)));
    plot.mapDatasetToRangeAxis(1, 1);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    JFreeChart chart =
        new JFreeChart(
            "orderflow " + report.runId() + ": throughput and vendor→Meta latency",
            JFreeChart.DEFAULT_TITLE_FONT,
            plot,
            true);
    chart.setBackgroundPaint(Color.WHITE);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, WIDTH, HEIGHT);
  }

  private static XYSeriesCollection collection(XYSeries... series) {
    XYSeriesCollection collection = new XYSeriesCollection();
    for (XYSeries s : series) {
      collection.addSeries(s);
    }
    return collection;
  }

  private static XYLineAndShapeRenderer renderer(Color first, Color second) {
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setSeriesPaint(0, first);
    renderer.setSeriesPaint(1, second);
    renderer.setSeriesStroke(0, new BasicStroke(2f));
    renderer.setSeriesStroke(1, new BasicStroke(2f));
    return renderer;
  }
}
