package dev.playfield.sim;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * One player on a WebSocket of its own, to look at the wire: logs in, queues for a mode, plays one
 * match with a game's {@link BotPlayer}, and keeps every state frame exactly as it arrived (the
 * text of a JSON frame, the bytes of a binary one). Handlers run on the connection's event loop.
 */
final class RawPlayer implements AutoCloseable {

  /** A state frame as it came: {@code text} for JSON, {@code bytes} for binary, and what it says. */
  record Frame(String text, byte[] bytes, ServerMessage message) {}

  private final Encoding encoding;
  private final BotPlayer brain;
  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;
  private final List<Frame> states = new CopyOnWriteArrayList<>();
  private final List<ServerMessage> errors = new CopyOnWriteArrayList<>();
  private final Map<Integer, String> playerBySlot = new ConcurrentHashMap<>();
  private final CompletableFuture<dev.playfield.protocol.v1.LoginOk> loggedIn = new CompletableFuture<>();
  private final CompletableFuture<MatchFound> found = new CompletableFuture<>();
  private final CompletableFuture<MatchEnd> ended = new CompletableFuture<>();
  private volatile WebSocket socket;
  private volatile int slot = -1;
  private int seq;
  private int requestId;

  /** @param types the game's message types, which the strict JSON parser needs (unknown fields fail it) */
  RawPlayer(Encoding encoding, TypeRegistry types, BotPlayer brain) {
    this.encoding = encoding;
    this.brain = brain;
    this.printer = JsonFormat.printer().usingTypeRegistry(types);
    this.parser = JsonFormat.parser().usingTypeRegistry(types);
  }

  /** Connects, logs in as {@code name} and joins {@code mode}'s queue. */
  void queue(WebSocketClient client, String url, String name, String mode) throws Exception {
    socket = client.connect(new WebSocketConnectOptions().setAbsoluteURI(url).addSubProtocol(encoding.subprotocol()))
        .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    if (encoding == Encoding.BINARY) {
      socket.binaryMessageHandler(bytes -> received(null, bytes.getBytes()));
    } else {
      socket.textMessageHandler(text -> received(text, null));
    }
    send(ClientMessage.newBuilder().setRequestId(++requestId).setLogin(Login.newBuilder().setName(name)));
    // A queue request before the login's answer meets a session still logging in (INVALID_STATE):
    // the login writes the player to the store first.
    loggedIn.get(10, TimeUnit.SECONDS);
    send(ClientMessage.newBuilder().setRequestId(++requestId).setJoinQueue(JoinQueue.newBuilder().setMode(mode)));
  }

  MatchFound matchFound(long seconds) throws Exception {
    return found.get(seconds, TimeUnit.SECONDS);
  }

  MatchEnd matchEnd(long seconds) throws Exception {
    return ended.get(seconds, TimeUnit.SECONDS);
  }

  /** This player's slot in its match; -1 before it was found. */
  int slot() {
    return slot;
  }

  /** The player id seated in {@code slot} of this player's match. */
  String playerIn(int seat) {
    return playerBySlot.get(seat);
  }

  List<Frame> states() {
    return List.copyOf(states);
  }

  List<ServerMessage> errors() {
    return List.copyOf(errors);
  }

  private void received(String text, byte[] bytes) {
    ServerMessage message;
    try {
      message = text != null ? parse(text) : ServerMessage.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError("an undecodable frame: " + (text != null ? text : bytes.length + " bytes"), e);
    }
    switch (message.getBodyCase()) {
      case MATCH_FOUND -> onMatchFound(message.getMatchFound());
      case STATE -> {
        states.add(new Frame(text, bytes, message));
        brain.observe(message.getState().getGame());
        brain.nextInput(System.nanoTime()).ifPresent(this::sendInput);
      }
      case LOGIN_OK -> loggedIn.complete(message.getLoginOk());
      case MATCH_END -> ended.complete(message.getMatchEnd());
      case ERROR -> errors.add(message);
      default -> { }
    }
  }

  private void onMatchFound(MatchFound match) {
    for (PlayerInfo player : match.getPlayersList()) {
      playerBySlot.put(player.getSlot(), player.getPlayerId());
      if (player.getPlayerId().equals(match.getYourPlayerId())) {
        slot = player.getSlot();
      }
    }
    brain.matchStarted(slot, match.getPlayersCount());
    found.complete(match);
  }

  private ServerMessage parse(String text) throws InvalidProtocolBufferException {
    ServerMessage.Builder builder = ServerMessage.newBuilder();
    parser.merge(text, builder);
    return builder.build();
  }

  private void sendInput(Message input) {
    send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(++seq).setGame(Any.pack(input))));
  }

  private void send(ClientMessage.Builder message) {
    if (encoding == Encoding.BINARY) {
      socket.writeBinaryMessage(Buffer.buffer(message.build().toByteArray()));
      return;
    }
    try {
      socket.writeTextMessage(printer.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    if (socket != null && !socket.isClosed()) {
      socket.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }
}
