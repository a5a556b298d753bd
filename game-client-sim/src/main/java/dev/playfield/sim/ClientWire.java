package dev.playfield.sim;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;

/**
 * Writes client messages and reads server messages in one encoding. Stateless after construction,
 * so one instance serves every bot of a run on every thread.
 */
abstract sealed class ClientWire permits ClientWire.Binary, ClientWire.Json {

  /** @param gameTypes the game's message types, which JSON needs to print and parse {@code Any} */
  static ClientWire of(Encoding encoding, Iterable<Descriptor> gameTypes) {
    return encoding == Encoding.BINARY ? new Binary() : new Json(gameTypes);
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

  /** Canonical proto3 JSON in text frames, with the game's types registered for {@code Any}. */
  static final class Json extends ClientWire {
    private final JsonFormat.Printer printer;
    private final JsonFormat.Parser parser;

    Json(Iterable<Descriptor> gameTypes) {
      TypeRegistry types = TypeRegistry.newBuilder().add(gameTypes).build();
      printer = JsonFormat.printer().usingTypeRegistry(types).omittingInsignificantWhitespace();
      parser = JsonFormat.parser().usingTypeRegistry(types).ignoringUnknownFields();
    }

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
