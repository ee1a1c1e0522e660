package dev.orderflow.bench.pipeline;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The environment variables that point each service at one pipeline's names (each service's
 * defaults file documents the keys; a key's variable is the key upper-cased with '.' and '-' as
 * '_').
 */
public final class ServiceEnvironment {
  private ServiceEnvironment() {}

  public static Map<String, String> of(
      ServiceKind kind, PipelineNames names, StackAddresses stack, int opsPort, Path stateDir) {
    Map<String, String> env = new HashMap<>(stack.asEnvironment());
    env.put("OPS_PORT", Integer.toString(opsPort));
    env.put("SERVICE_INSTANCE", kind.module() + names.suffix());
    env.put("SCHEMA_REGISTRY_AUTO_REGISTER", "true");
    env.put("KAFKA_STREAMS_STATE_DIR", stateDir.resolve(kind.module()).toString());
    switch (kind) {
      case ORDER_INGEST -> {
        env.put("INGEST_APPLICATION_ID", names.groupOf(kind));
        env.put("TOPICS_ORDERS_SUBMITTED", names.submitted());
        env.put("TOPICS_ORDERS_CREATED", names.created());
        env.put("TOPICS_ORDERS_REJECTED", names.rejected());
      }
      case NOTIFICATION_ROUTER -> {
        env.put("ROUTER_APPLICATION_ID", names.groupOf(kind));
        env.put("TOPICS_ORDERS_CREATED", names.created());
        env.put("TOPICS_NOTIFY_WHATSAPP", names.whatsapp());
        env.put("TOPICS_NOTIFY_INSTAGRAM", names.instagram());
        env.put("TOPICS_UNROUTABLE", names.unroutable());
        env.put("TOPICS_DEAD_LETTERS", names.routerDeadLetters());
        env.put("BUYERS_TABLE", names.buyersTable());
      }
      case WHATSAPP_SENDER -> sender(env, kind, names, names.whatsapp());
      case INSTAGRAM_SENDER -> sender(env, kind, names, names.instagram());
    }
    return env;
  }

  private static void sender(
      Map<String, String> env, ServiceKind kind, PipelineNames names, String mainTopic) {
    env.put("SENDER_MAIN_TOPIC", mainTopic);
    env.put("SENDER_GROUP_ID", names.groupOf(kind));
    env.put("LEDGER_TABLE", names.ledgerTable());
    env.put("CREDENTIALS_SECRET_NAME", names.secretName());
  }
}
