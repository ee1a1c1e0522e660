/** whatsapp-sender: the WhatsApp Cloud API client, its error table and message shape. */
package dev.orderflow.whatsapp;
