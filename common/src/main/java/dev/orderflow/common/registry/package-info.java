/** Client of a Confluent-compatible schema registry (Confluent's own or Apicurio's ccompat API). */
package dev.orderflow.common.registry;
