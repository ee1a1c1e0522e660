/**
 * The three throttles of a sender: the business number's rate shared across instances by partition
 * share, a per-recipient pace, and the slow-down after Meta says "throttled".
 */
package dev.orderflow.sender.ratelimit;
