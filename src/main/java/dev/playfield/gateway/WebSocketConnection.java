package dev.playfield.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.config.PlayfieldConfig.GatewayConfig;
import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.JsonWire;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.ServerWebSocket;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection over a WebSocket: frame limits, decoding, the rate limit, and writing in
 * the encoding chosen at the handshake. What the messages mean is its listener's business. Every
 * method runs on the connection's event loop; {@link #execute} brings work from elsewhere onto it.
 */
final class WebSocketConnection implements Connection {

  /** What a connection is held to and reports into, the same for every connection of a node. */
  record Limits(GatewayConfig config, LocalLoad load, PlayfieldMetrics metrics, JsonWire json, LongSupplier nanoTime) {}

  private static final long CLOSE_WAIT_SECONDS = 2;
  private static final Logger log = LoggerFactory.getLogger(WebSocketConnection.class);

  private final ServerWebSocket socket;
  private final HttpConnection connection;
  private final WireFormat wire;
  private final GatewayConfig limits;
  private final LocalLoad load;
  private final JsonWire json;
  private final LongSupplier nanoTime;
  private final Context context;
  private final RateLimiter rateLimiter;
  private final StrikeCounter strikes;
  private final PlayfieldMetrics metrics;
  private ConnectionListener listener;
  private final PlayfieldMetrics.WireMeters wireMeters;
  private long statesDropped;
  private long slowWindowStart;
  private int sentInWindow;
  private int skippedInWindow;
  private boolean closing;

  /** Call on the socket's event loop; nothing is read until {@link #start}. */
  WebSocketConnection(ServerWebSocket socket, HttpConnection connection, WireFormat wire, Limits limits) {
    this.socket = socket;
    this.connection = connection;
    this.wire = wire;
    this.limits = limits.config();
    this.load = limits.load();
    this.json = limits.json();
    this.nanoTime = limits.nanoTime();
    this.context = Vertx.currentContext();
    this.rateLimiter = new RateLimiter(this.limits.messagesPerSecond(), this.limits.messageBurst(), nanoTime);
    this.strikes = new StrikeCounter(this.limits.maxStrikes(),
        TimeUnit.SECONDS.toNanos(this.limits.strikeWindowSeconds()), nanoTime);
    this.metrics = limits.metrics();
    this.wireMeters = metrics.wire(wire.name());
  }

  /** Starts reading; every message goes to {@code listener}, and then its close, after {@code onClose}. */
  void start(ConnectionListener listener, Runnable onClose) {
    this.listener = listener;
    load.playerConnected();
    socket.setWriteQueueMaxSize(limits.writeQueueBytes());
    socket.textMessageHandler(this::onText);
    socket.binaryMessageHandler(this::onBinary);
    socket.exceptionHandler(cause -> log.debug("connection error: {}", cause.getMessage()));
    socket.closeHandler(v -> {
      load.playerDisconnected();
      onClose.run();
      listener.onClosed();
    });
  }

  @Override
  public String remoteHost() {
    return socket.remoteAddress() == null ? "unknown" : socket.remoteAddress().hostAddress();
  }

  @Override
  public String encoding() {
    return wire.name();
  }

  @Override
  public void execute(Runnable work) {
    if (Vertx.currentContext() == context) {
      work.run();
    } else {
      context.runOnContext(v -> work.run());
    }
  }

  private void onText(String text) {
    wireMeters.in(text);
    if (!admit(text.length())) {
      return;
    }
    try {
      dispatch(json.decode(text));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      reject(ErrorCode.MALFORMED_FRAME, 0, "not a ClientMessage in proto3 JSON: " + firstLine(e.getMessage()));
    }
  }

  private void onBinary(Buffer payload) {
    wireMeters.in(payload.length());
    if (!admit(payload.length())) {
      return;
    }
    try {
      dispatch(WireFormat.decodeBinary(payload));
    } catch (InvalidProtocolBufferException e) {
      reject(ErrorCode.MALFORMED_FRAME, 0, "not a ClientMessage in binary Protobuf: " + firstLine(e.getMessage()));
    }
  }

  private boolean admit(int size) {
    if (closing) {
      return false; // frames already in flight when we decided to close are not worth an answer
    }
    if (!rateLimiter.tryAcquire()) {
      reject(ErrorCode.RATE_LIMITED, 0, "too many messages; at most "
          + limits.messagesPerSecond() + " per second are accepted");
      return false;
    }
    if (size > limits.maxFrameBytes()) {
      reject(ErrorCode.FRAME_TOO_LARGE, 0, "frame of " + size + " bytes; the limit is "
          + limits.maxFrameBytes());
      return false;
    }
    return true;
  }

  private void dispatch(ClientMessage message) {
    if (message.getBodyCase() == ClientMessage.BodyCase.BODY_NOT_SET) {
      reject(ErrorCode.UNKNOWN_MESSAGE, message.getRequestId(), "the message has no body this server knows");
      return;
    }
    listener.onMessage(message);
  }

  @Override
  public void reject(ErrorCode code, int requestId, String text) {
    metrics.protocolError(code);
    send(ServerMessage.newBuilder()
        .setRequestId(requestId)
        .setError(Error.newBuilder().setCode(code).setMessage(text))
        .build());
    if (strikes.strike()) {
      log.info("closing {}: too many protocol errors, last {}", listener.describe(), code);
      close(CLOSE_ABUSE, "too many protocol errors (last: " + code + ")");
    }
  }

  @Override
  public void send(ServerMessage message) {
    if (!socket.isClosed()) {
      write(message);
    }
  }

  private void write(ServerMessage message) {
    WireFormat.Frame frame = wire.encode(message);
    wireMeters.out(frame);
    if (frame.text()) {
      socket.writeTextMessage(frame.textPayload());
    } else {
      socket.writeBinaryMessage(frame.payload());
    }
  }

  /**
   * Sends a state unless the client has not read the previous ones yet: states are latest-wins, so
   * a slow reader skips stale ones instead of making the server queue them. A client that skips
   * more states than it gets over a whole gateway.slow-reader-seconds is closed: it cannot be
   * playing. (Judged over a window, since a stalled reader still lets a trickle through.)
   */
  @Override
  public void sendState(ServerMessage state) {
    if (closing || socket.isClosed()) {
      // Vert.x 5 throws from writeQueueFull() on a closed socket; a state for it is moot anyway.
      return;
    }
    long now = nanoTime.getAsLong();
    if (now - slowWindowStart > TimeUnit.SECONDS.toNanos(limits.slowReaderSeconds())) {
      if (skippedInWindow > sentInWindow) {
        log.info("closing {}: too slow, {} states skipped", listener.describe(), statesDropped);
        close(CLOSE_TOO_SLOW, "too slow: most states went unread for " + limits.slowReaderSeconds() + " s");
        return;
      }
      slowWindowStart = now;
      skippedInWindow = 0;
      sentInWindow = 0;
    }
    if (socket.writeQueueFull()) {
      statesDropped++;
      skippedInWindow++;
      load.stateSkipped();
      return;
    }
    sentInWindow++;
    write(state);
  }

  @Override
  public long statesDropped() {
    return statesDropped;
  }

  @Override
  public void close(short code, String reason) {
    if (closing) {
      return;
    }
    closing = true;
    if (!socket.isClosed()) {
      socket.close(code, reason);
      // A client that reads nothing never answers the close frame (it may not even get it): the
      // connection is dropped after a short wait instead of being held open.
      Vertx.currentContext().owner().setTimer(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS), id -> {
        if (!socket.isClosed()) {
          dropConnection();
        }
      });
    }
  }

  /**
   * Closes the TCP connection now. Every close that goes through the channel pipeline (Vert.x's,
   * Netty's WebSocket handler's) first waits for the close frame to be written, which for a client
   * that reads nothing is never: measured here, the connection stayed open until the client itself
   * went away. So this closes the socket beneath the pipeline (Vert.x internals, deliberately).
   */
  private void dropConnection() {
    if (connection instanceof io.vertx.core.net.impl.ConnectionBase base) {
      io.netty.channel.Channel channel = base.channel();
      channel.unsafe().close(channel.voidPromise());
    } else {
      connection.close();
    }
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
