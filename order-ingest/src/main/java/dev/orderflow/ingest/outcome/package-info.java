/** The two outcomes a submission can have: an OrderCreated, or a rejection a vendor can act on. */
package dev.orderflow.ingest.outcome;
