package dev.playfield.sim;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in server on 127.0.0.1 that answers the bots' binary messages as a script says, to make
 * the rare answers of a real cluster under faults (UNAVAILABLE, a resume without the seat, a
 * MatchEnd after it) happen on demand. Everything a bot sent is kept for the test to read.
 */
final class ScriptedServer implements AutoCloseable {

  /** What the server does with one client message; {@code connection} counts from 1. */
  interface Script {
    void onMessage(int connection, ClientMessage message, Peer peer);
  }

  /** One connected bot as the script sees it. */
  static final class Peer {
    private final Vertx vertx;
    private final ServerWebSocket socket;

    private Peer(Vertx vertx, ServerWebSocket socket) {
      this.vertx = vertx;
      this.socket = socket;
    }

    void send(ServerMessage.Builder message) {
      if (!socket.isClosed()) {
        socket.writeBinaryMessage(Buffer.buffer(message.build().toByteArray()));
      }
    }

    /** Sends after {@code millis}, on the server's event loop. */
    void sendLater(long millis, ServerMessage.Builder message) {
      vertx.setTimer(millis, id -> send(message));
    }

    /** Closes the connection with 1001 (going away) after {@code millis}, as a draining node does. */
    void closeLater(long millis) {
      vertx.setTimer(millis, id -> socket.close((short) 1001, "going away"));
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final AtomicInteger connections = new AtomicInteger();
  final List<ClientMessage> received = new CopyOnWriteArrayList<>();

  ScriptedServer(Script script) throws Exception {
    server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0)
            .addWebSocketSubProtocol("playfield.v1.binary"))
        .webSocketHandler(socket -> {
          int connection = connections.incrementAndGet();
          Peer peer = new Peer(vertx, socket);
          socket.binaryMessageHandler(bytes -> {
            try {
              ClientMessage message = ClientMessage.parseFrom(bytes.getBytes());
              received.add(message);
              script.onMessage(connection, message, peer);
            } catch (InvalidProtocolBufferException e) {
              throw new AssertionError("the bot sent an undecodable frame", e);
            }
          });
        })
        .listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  String url() {
    return "ws://127.0.0.1:" + server.actualPort() + "/ws";
  }

  int connections() {
    return connections.get();
  }

  long count(ClientMessage.BodyCase kind) {
    return received.stream().filter(m -> m.getBodyCase() == kind).count();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
