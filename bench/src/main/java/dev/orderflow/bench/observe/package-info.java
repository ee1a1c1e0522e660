/** Reads what the pipeline produced: messages Meta received, rejections, unroutable records. */
package dev.orderflow.bench.observe;
