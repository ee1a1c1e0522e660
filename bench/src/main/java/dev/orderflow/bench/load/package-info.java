/** Produces a run's orders at a steady rate, as vendor systems would. */
package dev.orderflow.bench.load;
