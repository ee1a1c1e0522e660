/** The benchmark's command line: load, ceilings and the report in one run. */
package dev.orderflow.bench;
