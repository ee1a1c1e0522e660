/** What the endpoint does with Meta's calls: the handshake, and verify → parse → write → answer. */
package dev.orderflow.webhooks.receive;
