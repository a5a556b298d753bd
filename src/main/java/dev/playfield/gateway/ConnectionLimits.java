package dev.playfield.gateway;

import dev.playfield.ops.PlayfieldMetrics;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a public server must bound before a connection is even a session: TCP connections per
 * node and per client address (counted from the moment they open, so half-sent upgrades count
 * too), and the time a connection may take to send its first complete request. A connection that
 * has sent nothing complete by then (a half-sent upgrade, or nothing at all) is closed; one that
 * did (a WebSocket, a page, a metrics scrape) has its own lifecycle. Thread-safe: connections
 * open on any of the server's event loops.
 */
final class ConnectionLimits {

  /** The refusal reasons, as counted in {@code playfield_connections_refused_total{reason}}. */
  static final String PER_NODE = "max_connections";
  static final String PER_ADDRESS = "max_connections_per_address";
  static final String HANDSHAKE_TIMEOUT = "handshake_timeout";

  private static final Logger log = LoggerFactory.getLogger(ConnectionLimits.class);

  /** One open connection: its address, the cap it broke when it opened (or null), its timer. */
  private static final class Tracked {
    final String address;
    final String overCap;
    volatile long timer = -1;

    Tracked(String address, String overCap) {
      this.address = address;
      this.overCap = overCap;
    }
  }

  private final Vertx vertx;
  private final PlayfieldMetrics metrics;
  private final int maxConnections;
  private final int maxPerAddress;
  private final long handshakeTimeoutMs;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();
  private final Map<HttpConnection, Tracked> tracked = new ConcurrentHashMap<>();

  /** A cap of 0 is no cap. */
  ConnectionLimits(Vertx vertx, PlayfieldMetrics metrics, int maxConnections, int maxPerAddress, long handshakeTimeoutMs) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.maxConnections = maxConnections;
    this.maxPerAddress = maxPerAddress;
    this.handshakeTimeoutMs = handshakeTimeoutMs;
  }

  /** For {@code HttpServer.connectionHandler}: counts the connection and starts its handshake timer. */
  void onOpened(HttpConnection connection) {
    String address = connection.remoteAddress() == null ? "unknown" : connection.remoteAddress().hostAddress();
    int onNode = open.incrementAndGet();
    int fromAddress = byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    String overCap = maxConnections > 0 && onNode > maxConnections ? PER_NODE
        : maxPerAddress > 0 && fromAddress > maxPerAddress ? PER_ADDRESS : null;
    Tracked entry = new Tracked(address, overCap);
    tracked.put(connection, entry);
    connection.closeHandler(v -> onClosed(connection));
    entry.timer = vertx.setTimer(handshakeTimeoutMs, id -> {
      if (tracked.containsKey(connection) && entry.timer >= 0) {
        metrics.connectionRefused(HANDSHAKE_TIMEOUT);
        log.debug("closing a connection from {}: no complete request within {} ms", address, handshakeTimeoutMs);
        connection.close();
      }
    });
  }

  /** A complete request arrived on the connection: it is past the handshake timeout. */
  void onRequest(HttpConnection connection) {
    Tracked entry = tracked.get(connection);
    if (entry != null && entry.timer >= 0) {
      vertx.cancelTimer(entry.timer);
      entry.timer = -1;
    }
  }

  /**
   * The cap this connection broke when it opened, or null when it may become a session. The
   * caller refuses the upgrade (503) and counts it here.
   */
  String refusal(HttpConnection connection) {
    Tracked entry = tracked.get(connection);
    if (entry == null || entry.overCap == null) {
      return null;
    }
    metrics.connectionRefused(entry.overCap);
    return entry.overCap;
  }

  /** Open connections now (for tests and the log). */
  int open() {
    return open.get();
  }

  /** The connection closed (called by its close handler, and by its WebSocket's: either may come alone). */
  void onClosed(HttpConnection connection) {
    Tracked entry = tracked.remove(connection);
    if (entry == null) {
      return;
    }
    if (entry.timer >= 0) {
      vertx.cancelTimer(entry.timer);
    }
    open.decrementAndGet();
    byAddress.computeIfPresent(entry.address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
  }
}
