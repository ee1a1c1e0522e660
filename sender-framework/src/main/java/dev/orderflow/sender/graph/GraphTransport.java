package dev.orderflow.sender.graph;

import dev.orderflow.sender.api.PlatformClientConfig;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.EventListener;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * One shared OkHttp client for the Graph API, sized for the sender's in-flight calls. Calls go
 * through the {@link Dispatcher} (enqueue, then wait) so that its per-host cap really bounds the
 * connections, whatever number of threads the framework sends from.
 */
public final class GraphTransport implements AutoCloseable {
  private static final MediaType JSON = MediaType.get("application/json");
  // Graph answers are small; a bound keeps a misbehaving proxy from filling the heap.
  private static final long MAX_BODY_BYTES = 256 * 1024;

  private final OkHttpClient http;
  private final HttpUrl versionRoot;
  private final Duration waitBound;

  public GraphTransport(PlatformClientConfig config) {
    Duration connect = Objects.requireNonNull(config.connectTimeout(), "connectTimeout");
    Duration call = Objects.requireNonNull(config.callTimeout(), "callTimeout");
    HttpUrl base = HttpUrl.get(config.baseUrl().toString());
    this.versionRoot = base.newBuilder().addPathSegment(config.apiVersion()).build();
    // A call may first wait in the dispatcher's queue behind a full set of in-flight calls.
    this.waitBound = call.multipliedBy(2).plus(connect);
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.setMaxRequests(config.maxConnections());
    dispatcher.setMaxRequestsPerHost(config.maxConnections());
    this.http =
        new OkHttpClient.Builder()
            .dispatcher(dispatcher)
            .connectionPool(new ConnectionPool(config.maxConnections(), 5, TimeUnit.MINUTES))
            .connectTimeout(connect)
            .readTimeout(call)
            .writeTimeout(call)
            .callTimeout(call)
            // OkHttp would silently resend a POST after some connection failures: a duplicate
            // message. Retries are the framework's decision, counted and visible.
            .retryOnConnectionFailure(false)
            .eventListenerFactory(newCall -> new WriteWatch())
            .build();
  }

  public HttpUrl url(String... pathSegments) {
    HttpUrl.Builder url = versionRoot.newBuilder();
    for (String segment : pathSegments) {
      url.addPathSegment(segment);
    }
    return url.build();
  }

  public GraphReply post(HttpUrl url, String token, String json) {
    return exchange(authorized(url, token).post(RequestBody.create(json, JSON)).build());
  }

  public GraphReply get(HttpUrl url, String token) {
    return exchange(authorized(url, token).get().build());
  }

  private static Request.Builder authorized(HttpUrl url, String token) {
    return new Request.Builder().url(url).header("Authorization", "Bearer " + token);
  }

  /** Notes on the call's {@link Written} tag when the request starts to go out on a connection. */
  private static final class WriteWatch extends EventListener {
    @Override
    public void requestHeadersStart(Call call) {
      Written written = call.request().tag(Written.class);
      if (written != null) {
        written.set(true);
      }
    }
  }

  /** Whether any byte of the request may have reached the platform. */
  private static final class Written extends java.util.concurrent.atomic.AtomicBoolean {}

  private GraphReply exchange(Request untagged) {
    Written written = new Written();
    Request request = untagged.newBuilder().tag(Written.class, written).build();
    Call call = http.newCall(request);
    CompletableFuture<GraphReply> reply = new CompletableFuture<>();
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call failed, IOException e) {
            reply.complete(new GraphReply.NoResponse(describe(e), written.get()));
          }

          @Override
          public void onResponse(Call answered, Response response) {
            try (response) {
              String body = response.peekBody(MAX_BODY_BYTES).string();
              reply.complete(new GraphReply.Answered(response.code(), body));
            } catch (IOException e) {
              reply.complete(new GraphReply.NoResponse(describe(e), true));
            }
          }
        });
    try {
      return reply.get(waitBound.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel();
      return new GraphReply.NoResponse("no answer within " + waitBound, written.get());
    } catch (InterruptedException e) {
      call.cancel();
      Thread.currentThread().interrupt();
      return new GraphReply.NoResponse(
          "interrupted while waiting for the Graph API", written.get());
    } catch (ExecutionException e) {
      return new GraphReply.NoResponse(describe(e.getCause()), written.get());
    }
  }

  private static String describe(Throwable e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  @Override
  public void close() {
    http.dispatcher().cancelAll();
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
