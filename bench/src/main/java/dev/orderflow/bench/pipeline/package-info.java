/** Runs the pipeline's services as separate processes against the stack, named per run. */
package dev.orderflow.bench.pipeline;
