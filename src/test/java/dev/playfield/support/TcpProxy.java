package dev.playfield.support;

import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on 127.0.0.1 that a test opens and closes, to take a server away from a client and
 * give it back: closed, the port refuses connections and every connection through it is cut, as
 * when the server stops. The port stays the same across {@link #close()} and {@link #open()}.
 */
public final class TcpProxy implements AutoCloseable {

  private final Vertx vertx;
  private final int targetPort;
  private final NetClient client;
  private final Set<NetSocket> sockets = ConcurrentHashMap.newKeySet();
  private NetServer server;
  private int port;

  private TcpProxy(Vertx vertx, int targetPort) {
    this.vertx = vertx;
    this.targetPort = targetPort;
    this.client = vertx.createNetClient();
  }

  /** An open proxy to {@code targetPort} on a free port. */
  public static TcpProxy to(Vertx vertx, int targetPort) {
    TcpProxy proxy = new TcpProxy(vertx, targetPort);
    proxy.listen(0);
    return proxy;
  }

  public int port() {
    return port;
  }

  public synchronized void open() {
    if (server == null) {
      listen(port);
    }
  }

  /** Stops listening and cuts every connection through the proxy. */
  @Override
  public synchronized void close() {
    if (server != null) {
      server.close().await();
      server = null;
    }
    sockets.forEach(NetSocket::close);
    sockets.clear();
  }

  private void listen(int wanted) {
    NetServer listening = vertx.createNetServer().connectHandler(this::relay);
    port = listening.listen(wanted, "127.0.0.1").await().actualPort();
    server = listening;
  }

  private void relay(NetSocket client) {
    sockets.add(client);
    client.pause();
    this.client.connect(targetPort, "127.0.0.1").onComplete(connected -> {
      if (connected.failed()) {
        client.close();
        return;
      }
      NetSocket target = connected.result();
      if (!sockets.contains(client)) {
        // The proxy closed while this connection was being made.
        target.close();
        return;
      }
      sockets.add(target);
      client.handler(target::write);
      target.handler(client::write);
      client.closeHandler(v -> target.close());
      target.closeHandler(v -> client.close());
      client.resume();
    });
  }
}
