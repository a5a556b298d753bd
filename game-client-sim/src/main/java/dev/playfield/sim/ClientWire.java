package dev.playfield.sim;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

/**
 * Writes client messages and reads server messages in one encoding. Stateless after construction,
 * so one instance serves every bot of a run on every thread.
 */
abstract sealed class ClientWire permits ClientWire.Binary, ClientWire.Json {

  static ClientWire of(Encoding encoding) {
    return encoding == Encoding.BINARY ? new Binary() : new Json();
  }

  /** Sends {@code message}; returns the payload bytes written. */
  abstract int send(WebSocket socket, ClientMessage message);

  /** Binary Protobuf in binary frames; parsing leaves the game state packed until a behavior asks. */
  static final class Binary extends ClientWire {
    @Override
    int send(WebSocket socket, ClientMessage message) {
      byte[] bytes = message.toByteArray();
      socket.writeBinaryMessage(Buffer.buffer(bytes));
      return bytes.length;
    }

    static ServerMessage decode(Buffer payload) throws InvalidProtocolBufferException {
      return ServerMessage.parseFrom(payload.getBytes());
    }
  }

  /** Canonical proto3 JSON in text frames, with the arena's types registered for {@code Any}. */
  static final class Json extends ClientWire {
    private static final TypeRegistry TYPES = TypeRegistry.newBuilder()
        .add(ArenaInput.getDescriptor())
        .add(ArenaState.getDescriptor())
        .build();
    private final JsonFormat.Printer printer = JsonFormat.printer().usingTypeRegistry(TYPES)
        .omittingInsignificantWhitespace();
    private final JsonFormat.Parser parser = JsonFormat.parser().usingTypeRegistry(TYPES).ignoringUnknownFields();

    @Override
    int send(WebSocket socket, ClientMessage message) {
      String text;
      try {
        text = printer.print(message);
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("cannot print " + message.getBodyCase(), e);
      }
      socket.writeTextMessage(text);
      return text.length();
    }

    ServerMessage decode(String text) throws InvalidProtocolBufferException {
      ServerMessage.Builder builder = ServerMessage.newBuilder();
      parser.merge(text, builder);
      return builder.build();
    }
  }
}
