/** Buyer-facing content: money, localized text, WhatsApp template parameters, byte-bounded text. */
package dev.orderflow.router.render;
