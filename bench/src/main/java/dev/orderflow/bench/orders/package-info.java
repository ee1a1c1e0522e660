/** Buyers and orders a run produces, and what each must become at the end of the pipeline. */
package dev.orderflow.bench.orders;
