/** End-to-end tests: every service its own process, a broker of the suite's own, faults. */
package dev.orderflow.e2e;
