package dev.playfield.sim;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;

/**
 * One bot's WebSocket to the nodes it may use, its own first: connects, decodes frames in the
 * run's encoding, and counts traffic, failed connects and unexpected disconnects in {@link
 * Metrics}. A failed connect or a lost connection moves it on to the next node. Used on the bot's
 * event loop only.
 */
final class BotConnection {

  /** What the bot does with what happens to its connection; called on the bot's event loop. */
  interface Events {
    void opened();

    void received(ServerMessage message);

    /** The connection closed without the bot asking (already counted as a disconnect). */
    void lost();

    /** A connect failed (already counted). */
    void connectFailed();
  }

  private final BotContext context;
  private final List<String> urls;
  private final Events events;
  private int urlIndex;
  private WebSocket socket;
  private boolean connecting;
  private boolean closingOnPurpose;
  /** Closed for good: a connect that completes now is closed at once. */
  private boolean finished;

  /** @param urls the nodes, the bot's own first */
  BotConnection(BotContext context, List<String> urls, Events events) {
    this.context = context;
    this.urls = List.copyOf(urls);
    this.events = events;
  }

  /** Opens a connection to the current node; {@link Events#opened} or {@link Events#connectFailed} follows. */
  void connect() {
    connecting = true;
    closingOnPurpose = false;
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setAbsoluteURI(urls.get(urlIndex % urls.size()))
        .addSubProtocol(context.settings().encoding().subprotocol())
        .setConnectTimeout(10_000);
    context.client().connect(options).onComplete(done -> {
      connecting = false;
      if (finished) {
        if (done.succeeded()) {
          done.result().close();
        }
        return;
      }
      if (done.failed()) {
        context.metrics().connectFailures.increment();
        nextNode(); // that node may be gone: the next try goes to another
        events.connectFailed();
        return;
      }
      attach(done.result());
      events.opened();
    });
  }

  private void attach(WebSocket ws) {
    socket = ws;
    if (context.settings().encoding() == Encoding.BINARY) {
      ws.binaryMessageHandler(this::onBinary);
    } else {
      ws.textMessageHandler(this::onText);
    }
    ws.exceptionHandler(cause -> { });
    ws.closeHandler(v -> onClosed(ws));
  }

  /** True while a connection is open and not connecting. */
  boolean isOpen() {
    return socket != null && !connecting;
  }

  boolean closed() {
    return socket == null || socket.isClosed();
  }

  /** The next connection goes to the next node. */
  void nextNode() {
    urlIndex++;
  }

  /** Closes the connection on purpose (status 1000); nothing of it reaches the bot any more. */
  void close(String reason) {
    closingOnPurpose = true;
    if (socket != null) {
      socket.close((short) 1000, reason);
      socket = null;
    }
  }

  /** Closes the connection normally and for good, also one still connecting. */
  void finish(String reason) {
    finished = true;
    closingOnPurpose = true;
    if (socket != null) {
      socket.close((short) 1000, reason);
    }
  }

  /** Sends {@code message} if connected, counting it. */
  void send(ClientMessage message) {
    if (socket == null) {
      return;
    }
    int bytes = context.wire().send(socket, message);
    context.metrics().messagesOut.increment();
    context.metrics().bytesOut.add(bytes);
  }

  private void onClosed(WebSocket ws) {
    if (ws != socket) {
      return; // an earlier connection, closed on purpose
    }
    socket = null;
    if (closingOnPurpose || finished) {
      return;
    }
    context.metrics().disconnect(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
    nextNode(); // the node may be going away: come back through another
    events.lost();
  }

  private void onBinary(Buffer payload) {
    context.metrics().bytesIn.add(payload.length());
    try {
      events.received(ClientWire.Binary.decode(payload));
    } catch (InvalidProtocolBufferException e) {
      context.metrics().undecodable.increment();
    }
  }

  private void onText(String text) {
    context.metrics().bytesIn.add(text.length());
    ServerMessage message;
    try {
      message = ((ClientWire.Json) context.wire()).decode(text);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      context.metrics().undecodable.increment();
      return;
    }
    events.received(message);
  }
}
