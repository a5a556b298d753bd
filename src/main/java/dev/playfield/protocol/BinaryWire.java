package dev.playfield.protocol;

import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;

/** Binary Protobuf in binary WebSocket frames: for native clients and bots. */
public record BinaryWire() implements WireFormat {

  @Override
  public String name() {
    return "binary";
  }

  @Override
  public Frame encode(ServerMessage message) {
    return new Frame(false, Buffer.buffer(message.toByteArray()), null);
  }
}
