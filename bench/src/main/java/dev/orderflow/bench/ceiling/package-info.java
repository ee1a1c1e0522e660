/** The broker's own ceilings on this machine, measured in the same run as the pipeline. */
package dev.orderflow.bench.ceiling;
