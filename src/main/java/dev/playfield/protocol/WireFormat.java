package dev.playfield.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;

/**
 * One of the two encodings of the client protocol. A session picks one at the WebSocket handshake
 * and the server answers in it; {@link #decode} accepts either frame type whatever was picked.
 */
public sealed interface WireFormat permits BinaryWire, JsonWire {

  /** WebSocket subprotocol names, offered by clients in {@code Sec-WebSocket-Protocol}. */
  String BINARY_SUBPROTOCOL = "playfield.v1.binary";
  String JSON_SUBPROTOCOL = "playfield.v1.json";

  /** The name used in logs, metrics and the {@code encoding} query parameter. */
  String name();

  /** Writes one server message as a frame payload of this encoding. */
  Frame encode(ServerMessage message);

  /** A ready-to-write frame: text for JSON, binary for Protobuf. */
  record Frame(boolean text, Buffer payload, String textPayload) {}

  /** Decodes a binary frame as Protobuf. */
  static ClientMessage decodeBinary(Buffer payload) throws InvalidProtocolBufferException {
    return ClientMessage.parseFrom(payload.getBytes());
  }
}
