package dev.playfield.protocol;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
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
  private final ThreadLocal<PrintedGame> lastGame = ThreadLocal.withInitial(PrintedGame::new);

  public JsonWire(Iterable<Descriptor> gameMessageTypes) {
    TypeRegistry.Builder registry = TypeRegistry.newBuilder();
    gameMessageTypes.forEach(registry::add);
    TypeRegistry types = registry.build();
    this.printer = JsonFormat.printer()
        .usingTypeRegistry(types)
        .alwaysPrintFieldsWithNoPresence()
        .omittingInsignificantWhitespace();
    this.parser = JsonFormat.parser().usingTypeRegistry(types).ignoringUnknownFields();
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
   * the cost of a JSON state frame: print it once per tick (the last one seen, per thread) and
   * splice it in after the recipient's own fields. {@code game} is State's last field, so the text is
   * exactly what {@link #print} would make.
   */
  private String printState(ServerMessage message) {
    State state = message.getState();
    PrintedGame printed = lastGame.get();
    if (printed.game != state.getGame()) {
      printed.json = printAny(state.getGame());
      printed.game = state.getGame();
    }
    String head = print(message.toBuilder().setState(state.toBuilder().clearGame()).build());
    // head is {..."state":{...}}; the game goes before the last two braces.
    int at = head.length() - 2;
    String separator = head.charAt(at - 1) == '{' ? "" : ",";
    return head.substring(0, at) + separator + "\"game\":" + printed.json + head.substring(at);
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
