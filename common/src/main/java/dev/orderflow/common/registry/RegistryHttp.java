package dev.orderflow.common.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/** The Confluent REST calls, one method each; JSON in and out, errors mapped to exceptions. */
final class RegistryHttp implements AutoCloseable {
  private static final MediaType CONTENT_TYPE =
      MediaType.get("application/vnd.schemaregistry.v1+json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final OkHttpClient client;
  private final HttpUrl base;
  private final Optional<String> authorization;

  RegistryHttp(RegistryClientConfig config) {
    this.base = config.url();
    this.authorization = config.auth().authorization();
    OkHttpClient.Builder builder =
        new OkHttpClient.Builder()
            .connectTimeout(config.timeout())
            .readTimeout(config.timeout())
            .writeTimeout(config.timeout())
            .callTimeout(config.timeout());
    config.tls().map(RegistryTls::trustManager).ifPresent(trust -> trustOnly(builder, trust));
    this.client = builder.build();
  }

  private static void trustOnly(OkHttpClient.Builder builder, X509TrustManager trust) {
    builder.sslSocketFactory(RegistryTls.contextTrusting(trust).getSocketFactory(), trust);
  }

  RegistryAnswer get(String... path) {
    return call(request(path).get().build());
  }

  RegistryAnswer post(Map<String, ?> body, String... path) {
    return call(request(path).post(json(body)).build());
  }

  RegistryAnswer put(Map<String, ?> body, String... path) {
    return call(request(path).put(json(body)).build());
  }

  private Request.Builder request(String... path) {
    HttpUrl.Builder url = base.newBuilder();
    for (String segment : path) {
      url.addPathSegment(segment);
    }
    Request.Builder request =
        new Request.Builder().url(url.build()).header("Accept", CONTENT_TYPE.toString());
    authorization.ifPresent(value -> request.header("Authorization", value));
    return request;
  }

  private static RequestBody json(Map<String, ?> body) {
    try {
      return RequestBody.create(JSON.writeValueAsBytes(body), CONTENT_TYPE);
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode registry request " + body.keySet(), e);
    }
  }

  private RegistryAnswer call(Request request) {
    String what = request.method() + " " + request.url();
    try (Response response = client.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body.string();
      if (!response.isSuccessful()) {
        throw RegistryErrors.fromResponse(what, response.code(), text);
      }
      return new RegistryAnswer(what, JSON.readTree(text));
    } catch (IOException e) {
      throw new SchemaRegistryException(
          what + " got no usable response: " + e, SchemaRegistryException.NO_RESPONSE, 0, e);
    }
  }

  @Override
  public void close() {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
