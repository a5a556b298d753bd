package dev.playfield.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Empty;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;

/**
 * Canonical proto3 JSON in text WebSocket frames: for browsers and debugging. Fields that are zero
 * or empty are printed anyway, so a client without a Protobuf library never meets a missing key.
 * The games' message types are registered so {@code google.protobuf.Any} prints with its fields.
 */
public final class JsonWire implements WireFormat {

  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;
  private static final Any PLACEHOLDER = Any.pack(Empty.getDefaultInstance());

  private final ThreadLocal<PrintedGame> lastGame = ThreadLocal.withInitial(PrintedGame::new);
  private final String placeholderJson;

  public JsonWire(Iterable<Descriptor> gameMessageTypes) {
    TypeRegistry.Builder registry = TypeRegistry.newBuilder();
    gameMessageTypes.forEach(registry::add);
    registry.add(Empty.getDescriptor());
    TypeRegistry types = registry.build();
    this.printer = JsonFormat.printer()
        .usingTypeRegistry(types)
        .alwaysPrintFieldsWithNoPresence()
        .omittingInsignificantWhitespace();
    this.parser = JsonFormat.parser().usingTypeRegistry(types).ignoringUnknownFields();
    this.placeholderJson = printAny(PLACEHOLDER);
  }

  @Override
  public String name() {
    return "json";
  }

  @Override
  public Frame encode(ServerMessage message) {
    boolean sharedGame = message.getBodyCase() == ServerMessage.BodyCase.STATE && message.getState().hasGame();
    return new Frame(true, null, sharedGame ? printState(message) : print(message));
  }

  /**
   * Every recipient of a room's tick gets the same game state object, and printing it is most of
   * the cost of a JSON state frame: print it once per tick (the last one seen, per thread) and put
   * it where the printer writes a placeholder game, so the envelope's fields may come in any order
   * and number. The placeholder (an {@code Empty} in the {@code Any}) can appear nowhere else: State
   * has one {@code Any}. Should it ever be found other than once, the whole message is printed.
   */
  private String printState(ServerMessage message) {
    State state = message.getState();
    PrintedGame printed = lastGame.get();
    if (printed.game != state.getGame()) {
      printed.json = printAny(state.getGame());
      printed.game = state.getGame();
    }
    String head = print(message.toBuilder().setState(state.toBuilder().setGame(PLACEHOLDER)).build());
    int at = head.indexOf(placeholderJson);
    if (at < 0 || head.indexOf(placeholderJson, at + 1) >= 0) {
      return print(message);
    }
    return head.substring(0, at) + printed.json + head.substring(at + placeholderJson.length());
  }

  private String printAny(Any game) {
    try {
      return printer.print(game);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print game state " + game.getTypeUrl() + " as JSON", e);
    }
  }

  /** The last game state printed on a thread. */
  private static final class PrintedGame {
    Any game;
    String json;
  }

  public String print(ServerMessage message) {
    try {
      return printer.print(message);
    } catch (InvalidProtocolBufferException e) {
      // Only an Any whose type is not registered gets here: a server bug, not a client's fault.
      throw new IllegalStateException("cannot print " + message.getBodyCase() + " as JSON", e);
    }
  }

  public ClientMessage decode(String text) throws InvalidProtocolBufferException {
    ClientMessage.Builder builder = ClientMessage.newBuilder();
    parser.merge(text, builder);
    return builder.build();
  }
}
