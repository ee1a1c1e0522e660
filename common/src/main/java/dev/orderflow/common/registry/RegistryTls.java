package dev.orderflow.common.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates the registry client trusts instead of the JDK's default ones: a truststore file
 * (PKCS12 or JKS), for a registry whose certificate a private CA signed.
 */
public record RegistryTls(Path truststore, String password, String type) {
  public static final String DEFAULT_TYPE = "PKCS12";

  public RegistryTls {
    Objects.requireNonNull(truststore, "truststore");
    type = type == null || type.isBlank() ? DEFAULT_TYPE : type;
  }

  /** The trust manager over the truststore's certificates; fails naming the file. */
  public X509TrustManager trustManager() {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password == null ? null : password.toCharArray());
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager manager : factory.getTrustManagers()) {
        if (manager instanceof X509TrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X.509 trust manager for " + truststore);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "registry truststore " + truststore + " (" + type + ") unreadable: " + e.getMessage(), e);
    }
  }

  /** A TLS context that trusts exactly {@link #trustManager()}. */
  public SSLContext sslContext() {
    return contextTrusting(trustManager());
  }

  static SSLContext contextTrusting(X509TrustManager trust) {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {trust}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS unavailable in this JDK", e);
    }
  }

  @Override
  public String toString() {
    return "RegistryTls[truststore=" + truststore + ", type=" + type + "]";
  }
}
