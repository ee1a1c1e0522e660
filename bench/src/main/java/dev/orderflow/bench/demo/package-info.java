/** The README's demo: sample buyers and orders through the running pipeline, and what came out. */
package dev.orderflow.bench.demo;
