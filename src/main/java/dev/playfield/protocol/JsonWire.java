package dev.playfield.protocol;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;

/**
 * Canonical proto3 JSON in text WebSocket frames: for browsers and debugging. Fields that are zero
 * or empty are printed anyway, so a client without a Protobuf library never meets a missing key.
 * The games' message types are registered so {@code google.protobuf.Any} prints with its fields.
 */
public final class JsonWire implements WireFormat {

  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;

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
    return new Frame(true, null, print(message));
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
