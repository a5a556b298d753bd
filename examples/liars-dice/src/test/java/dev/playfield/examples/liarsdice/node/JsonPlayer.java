package dev.playfield.examples.liarsdice.node;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.examples.liarsdice.LiarsDiceType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A client as a browser page is one: a WebSocket to {@code /ws} speaking the proto3 JSON encoding,
 * with the game's messages packed in {@code google.protobuf.Any}. Envelopes are read as {@link
 * Struct}s, since this project does not build the playfield.v1 classes.
 */
final class JsonPlayer implements AutoCloseable {

  static final JsonFormat.TypeRegistry GAME_TYPES = registry();

  private final WebSocket socket;
  private final BlockingQueue<Struct> inbox;
  private int nextRequestId = 1;

  private JsonPlayer(WebSocket socket, BlockingQueue<Struct> inbox) {
    this.socket = socket;
    this.inbox = inbox;
  }

  static JsonPlayer connect(int port) {
    BlockingQueue<Struct> inbox = new LinkedBlockingQueue<>();
    WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .subprotocols("playfield.v1.json")
        .connectTimeout(Duration.ofSeconds(10))
        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), new Listener(inbox))
        .orTimeout(15, TimeUnit.SECONDS)
        .join();
    return new JsonPlayer(socket, inbox);
  }

  /** Sends a client message (JSON without its request id); returns the request id it was given. */
  int request(String body) {
    int id = nextRequestId++;
    send("{\"requestId\":" + id + "," + body + "}");
    return id;
  }

  void sendInput(int seq, Message input) {
    try {
      String game = JsonFormat.printer().usingTypeRegistry(GAME_TYPES).omittingInsignificantWhitespace().print(Any.pack(input));
      send("{\"input\":{\"seq\":" + seq + ",\"game\":" + game + "}}");
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The next server message, or null after {@code millis}. */
  Struct poll(long millis) throws InterruptedException {
    return inbox.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The next server message with a body of {@code kind} (others are dropped), within {@code millis}. */
  Struct await(String kind, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (System.nanoTime() < deadline) {
      Struct message = poll(50);
      if (message != null && message.containsFields(kind)) {
        return message.getFieldsOrThrow(kind).getStructValue();
      }
      if (message != null && message.containsFields("error")) {
        throw new AssertionError("the server answered an error: " + message);
      }
    }
    throw new AssertionError("no " + kind + " within " + millis + " ms");
  }

  /** {@code State.game}, unpacked through the type registry a node uses. */
  static Any game(Struct state) throws InvalidProtocolBufferException {
    String json = JsonFormat.printer().print(state.getFieldsOrThrow("game"));
    Any.Builder game = Any.newBuilder();
    JsonFormat.parser().usingTypeRegistry(GAME_TYPES).merge(json, game);
    return game.build();
  }

  static String text(Struct struct, String field) {
    Value value = struct.getFieldsOrDefault(field, Value.getDefaultInstance());
    return value.hasStringValue() ? value.getStringValue() : String.valueOf((long) value.getNumberValue());
  }

  private void send(String json) {
    socket.sendText(json, true).orTimeout(10, TimeUnit.SECONDS).join();
  }

  @Override
  public void close() {
    socket.abort();
  }

  private static JsonFormat.TypeRegistry registry() {
    JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
    new LiarsDiceType().messageTypes().forEach(registry::add);
    return registry.build();
  }

  /** Collects whole text frames as parsed envelopes. */
  private static final class Listener implements WebSocket.Listener {

    private final BlockingQueue<Struct> inbox;
    private final StringBuilder partial = new StringBuilder();

    Listener(BlockingQueue<Struct> inbox) {
      this.inbox = inbox;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        Struct.Builder message = Struct.newBuilder();
        try {
          JsonFormat.parser().merge(partial.toString(), message);
          inbox.add(message.build());
        } catch (InvalidProtocolBufferException e) {
          inbox.add(Struct.newBuilder().putFields("unreadable", Value.newBuilder().setStringValue(partial.toString()).build()).build());
        }
        partial.setLength(0);
      }
      webSocket.request(1);
      return CompletableFuture.completedFuture(null);
    }
  }

  static List<Value> list(Struct struct, String field) {
    return struct.getFieldsOrDefault(field, Value.getDefaultInstance()).getListValue().getValuesList();
  }
}
