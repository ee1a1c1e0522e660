/**
 * Meta Graph API simulator: the WhatsApp and Instagram send endpoints with latency, throughput
 * caps, messaging windows, scripted faults and a delivered log, controlled over HTTP.
 *
 * <p>Graph API (Bearer token, JSON body, errors in Meta's shape and HTTP statuses):
 *
 * <ul>
 *   <li>{@code POST /{version}/{phone-number-id}/messages}: WhatsApp {@code template} and {@code
 *       text} messages; refusals 130429 (throughput), 131056 (pair limit), 131047 (text outside the
 *       window), 131008/131009/131051/100 (validation).
 *   <li>{@code POST /{version}/{ig-id or page-id}/messages}: Instagram text; refusals 4
 *       (throughput), 10/2534022 (outside the window), 100 (validation, text over 1000 bytes).
 *       {@code /me/messages} always gets 100/33.
 *   <li>{@code GET /{version}/{account-id}} and {@code GET /{version}/me}: cheap token probes.
 *   <li>Any token other than the platform's valid one gets 401 with code 190.
 * </ul>
 *
 * <p>Control API (JSON; {@link dev.orderflow.devservers.meta.MetaSimulatorClient} wraps it): {@code
 * GET|POST /_sim/config} (read, or deep-merge a partial settings object), {@code GET|POST|DELETE
 * /_sim/faults}, {@code POST /_sim/windows}, {@code GET /_sim/messages?platform=&recipient=},
 * {@code GET /_sim/stats}, {@code POST /_sim/reset[?config=true]}, {@code GET /_sim/health}.
 *
 * <p>Webhooks (off until a URL is set with {@code --webhook-url} or {@code POST /_sim/webhooks}):
 * every accepted message is followed by signed ({@code X-Hub-Signature-256}) status calls, WhatsApp
 * {@code sent → delivered → read} echoing {@code biz_opaque_callback_data}, Instagram echo → {@code
 * read}, with configurable delays, reversed order, duplicates and retries of non-2xx answers;
 * {@code POST /_sim/webhooks/failures} scripts {@code sent → failed} (131026 by default) for a
 * recipient; {@code POST /_sim/inbound} posts a buyer's message (and opens their window); {@code
 * POST /_sim/webhooks/verify} runs the subscription handshake; {@code GET
 * /_sim/webhooks/deliveries} lists every attempt.
 */
package dev.orderflow.devservers.meta;
