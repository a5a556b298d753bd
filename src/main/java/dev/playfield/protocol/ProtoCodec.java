package dev.playfield.protocol;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;

/**
 * Carries a Protobuf message over the event bus: by reference inside a node (messages are
 * immutable), as its binary encoding between nodes. Never Java serialization, never JSON.
 */
public final class ProtoCodec<T extends Message> implements MessageCodec<T, T> {

  private final Class<T> type;
  private final Parser<T> parser;

  public ProtoCodec(Class<T> type, Parser<T> parser) {
    this.type = type;
    this.parser = parser;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public void encodeToWire(Buffer buffer, T message) {
    byte[] bytes = message.toByteArray();
    buffer.appendInt(bytes.length).appendBytes(bytes);
  }

  @Override
  public T decodeFromWire(int pos, Buffer buffer) {
    int length = buffer.getInt(pos);
    byte[] bytes = buffer.getBytes(pos + 4, pos + 4 + length);
    try {
      return parser.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt " + type.getSimpleName() + " from the event bus", e);
    }
  }

  @Override
  public T transform(T message) {
    return message;
  }

  @Override
  public String name() {
    return "proto:" + type.getName();
  }

  @Override
  public byte systemCodecID() {
    return -1;
  }
}
