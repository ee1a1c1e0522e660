/** The benchmark report: figures, targets, JSON, Markdown and a chart. */
package dev.orderflow.bench.report;
