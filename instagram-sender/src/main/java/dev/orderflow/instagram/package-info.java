/** instagram-sender: the Instagram messaging API client, its error table and message shape. */
package dev.orderflow.instagram;
