package dev.orderflow.common.registry;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * How the registry client proves who it is: nothing, HTTP basic (Confluent Cloud's API key and
 * secret, Apicurio behind a proxy), or a bearer token (OAuth). {@code toString} never shows a
 * secret.
 */
public sealed interface RegistryAuth {
  /** The {@code Authorization} header to send, if any. */
  Optional<String> authorization();

  static RegistryAuth none() {
    return new None();
  }

  /** No credentials. */
  record None() implements RegistryAuth {
    @Override
    public Optional<String> authorization() {
      return Optional.empty();
    }
  }

  /** HTTP basic with a user (or API key) and its password (or secret). */
  record Basic(String user, String password) implements RegistryAuth {
    public Basic {
      if (user == null || user.isEmpty() || password == null) {
        throw new IllegalArgumentException("registry basic auth needs a user and a password");
      }
    }

    /** {@code user:password}, split at the first colon as Confluent's clients do. */
    public static Basic ofUserInfo(String userInfo) {
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      if (colon <= 0) {
        throw new IllegalArgumentException("registry basic auth: expected user:password");
      }
      return new Basic(userInfo.substring(0, colon), userInfo.substring(colon + 1));
    }

    @Override
    public Optional<String> authorization() {
      byte[] pair = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
      return Optional.of("Basic " + Base64.getEncoder().encodeToString(pair));
    }

    @Override
    public String toString() {
      return "Basic[user=" + user + ", password=****]";
    }
  }

  /** A static bearer token. */
  record Bearer(String token) implements RegistryAuth {
    public Bearer {
      if (token == null || token.isBlank()) {
        throw new IllegalArgumentException("registry bearer auth needs a token");
      }
    }

    @Override
    public Optional<String> authorization() {
      return Optional.of("Bearer " + token);
    }

    @Override
    public String toString() {
      return "Bearer[token=****]";
    }
  }
}
