package dev.orderflow.router.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP relay on 127.0.0.1 in front of a real server, which a test can take down (refusing new
 * connections and cutting open ones) and bring back on the same port. It makes a real outage of a
 * real dependency: the client sees refused and reset connections, not a mocked exception.
 * Hand-written because Toxiproxy and friends need a binary or a container that is not available.
 */
final class BreakableTcpProxy implements AutoCloseable {
  private static final Logger LOGGER = LoggerFactory.getLogger(BreakableTcpProxy.class);

  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;
  private int port;

  BreakableTcpProxy(URI target) {
    this.target = new InetSocketAddress(target.getHost(), target.getPort());
    this.port = 0;
    up();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  synchronized void up() {
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      port = socket.getLocalPort();
      listener = socket;
      Thread.ofVirtual().name("proxy-accept-" + port).start(() -> accept(socket));
      LOGGER.info("proxy up port={} target={}", port, target);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
    }
  }

  synchronized void down() {
    closeQuietly(listener);
    open.forEach(BreakableTcpProxy::closeQuietly);
    open.clear();
    LOGGER.info("proxy down port={}", port);
  }

  @Override
  public void close() {
    down();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server = new Socket(target.getAddress(), target.getPort());
        open.add(client);
        open.add(server);
        Thread.ofVirtual().start(() -> pipe(client, server));
        Thread.ofVirtual().start(() -> pipe(server, client));
      } catch (IOException e) {
        return; // listener closed by down()
      }
    }
  }

  private void pipe(Socket from, Socket to) {
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      in.transferTo(out);
    } catch (IOException e) {
      // a cut connection ends the relay
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      if (closeable != null) {
        closeable.close();
      }
    } catch (Exception e) {
      // closing on the way down; nothing to do
    }
  }
}
