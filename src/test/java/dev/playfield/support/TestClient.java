package dev.playfield.support;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A real WebSocket game client for tests, speaking either encoding. Received messages queue up; a
 * test blocks (on its own thread, never an event loop) until the one it waits for arrives.
 */
public final class TestClient implements AutoCloseable {

  private static final TypeRegistry TYPES = TypeRegistry.newBuilder()
      .add(ArenaInput.getDescriptor()).add(ArenaState.getDescriptor())
      .add(com.google.protobuf.StringValue.getDescriptor()).build();
  private static final JsonFormat.Printer PRINTER = JsonFormat.printer().usingTypeRegistry(TYPES);
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().usingTypeRegistry(TYPES);

  private final WebSocketClient client;
  private final WebSocket socket;
  private final boolean binary;
  private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
  private long lastArrivalNanos;

  /** A message with the moment it arrived. */
  private record Received(ServerMessage message, long atNanos) {}
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private int nextRequestId = 1;
  private int nextSeq = 1;

  private TestClient(WebSocketClient client, WebSocket socket, boolean binary) {
    this.client = client;
    this.socket = socket;
    this.binary = binary;
    socket.binaryMessageHandler(buffer -> {
      try {
        received.add(new Received(ServerMessage.parseFrom(buffer.getBytes()), System.nanoTime()));
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("server sent a corrupt binary frame", e);
      }
    });
    socket.textMessageHandler(text -> {
      ServerMessage.Builder message = ServerMessage.newBuilder();
      try {
        PARSER.merge(text, message);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("server sent JSON that is not a ServerMessage: " + text, e);
      }
      received.add(new Received(message.build(), System.nanoTime()));
    });
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
  }

  public static TestClient connect(Vertx vertx, int port, boolean binary) {
    return connect(vertx, port, binary, new WebSocketClientOptions());
  }

  public static TestClient connect(Vertx vertx, int port, boolean binary, WebSocketClientOptions clientOptions) {
    WebSocketClient client = vertx.createWebSocketClient(clientOptions.setMaxConnections(1000));
    WebSocketConnectOptions options = new WebSocketConnectOptions()
        .setHost("127.0.0.1").setPort(port).setURI("/ws")
        .addSubProtocol(binary ? "playfield.v1.binary" : "playfield.v1.json");
    WebSocket socket = client.connect(options).await();
    return new TestClient(client, socket, binary);
  }

  public boolean binary() {
    return binary;
  }

  /** Sends a message in this client's encoding; returns the request id it carries. */
  public int send(ClientMessage.Builder message) {
    int requestId = nextRequestId++;
    ClientMessage built = message.setRequestId(requestId).build();
    if (binary) {
      socket.writeBinaryMessage(Buffer.buffer(built.toByteArray()));
    } else {
      try {
        socket.writeTextMessage(PRINTER.print(built));
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError(e);
      }
    }
    return requestId;
  }

  public void sendText(String text) {
    socket.writeTextMessage(text);
  }

  public void sendBinary(byte[] bytes) {
    socket.writeBinaryMessage(Buffer.buffer(bytes));
  }

  public LoginOk login(String name) {
    return login(Login.newBuilder().setName(name));
  }

  /** Takes a dropped session back; returns the Resumed answer (or fails on an error). */
  public dev.playfield.protocol.v1.Resumed resume(String resumeToken) {
    send(ClientMessage.newBuilder().setResume(dev.playfield.protocol.v1.Resume.newBuilder().setResumeToken(resumeToken)));
    ServerMessage reply = await(m -> m.hasResumed() || m.hasError(), Duration.ofSeconds(10));
    if (reply.hasError()) {
      throw new AssertionError("resume refused: " + reply.getError());
    }
    return reply.getResumed();
  }

  /** Stops reading: the server's writes back up as they would for a slow client. */
  public void stopReading() {
    socket.pause();
  }

  /** Continues input sequence numbers after a resume (the server remembers the last applied). */
  public void continueSeqAfter(int lastApplied) {
    nextSeq = lastApplied + 1;
  }

  public LoginOk login(Login.Builder login) {
    send(ClientMessage.newBuilder().setLogin(login));
    return await(ServerMessage::hasLoginOk, Duration.ofSeconds(5)).getLoginOk();
  }

  public void joinQueue(String mode) {
    send(ClientMessage.newBuilder().setJoinQueue(JoinQueue.newBuilder().setMode(mode)));
  }

  /** Sends an arena input with the next sequence number; returns that number. */
  public int move(float dx, float dy) {
    int seq = nextSeq++;
    send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(seq)
        .setGame(Any.pack(ArenaInput.newBuilder().setDx(dx).setDy(dy).build()))));
    return seq;
  }

  /** Sends any game's input with the next sequence number; returns that number. */
  public int input(com.google.protobuf.Message game) {
    int seq = nextSeq++;
    send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(seq).setGame(Any.pack(game))));
    return seq;
  }

  /** Waits for the next message that matches, skipping others. */
  public ServerMessage await(Predicate<ServerMessage> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      Received next;
      try {
        next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted");
      }
      if (next == null) {
        throw new AssertionError("no matching message within " + timeout);
      }
      if (wanted.test(next.message())) {
        lastArrivalNanos = next.atNanos();
        return next.message();
      }
    }
  }

  /** When the message the last {@link #await} returned arrived ({@link System#nanoTime()}). */
  public long lastArrivalNanos() {
    return lastArrivalNanos;
  }

  /** Waits for an error with this code. */
  public ServerMessage awaitError(ErrorCode code) {
    return await(m -> m.hasError() && m.getError().getCode() == code, Duration.ofSeconds(5));
  }

  /** The close status code, waiting up to {@code timeout} for the server to close. */
  public Short awaitClose(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      throw new AssertionError("connection still open after " + timeout);
    }
  }

  public String closeReason() {
    return socket.closeReason();
  }

  public boolean isClosed() {
    return socket.isClosed();
  }

  /** Discards everything received so far. */
  public void drain() {
    received.clear();
  }

  @Override
  public void close() {
    if (!socket.isClosed()) {
      socket.close().await();
    }
    client.close();
  }
}
