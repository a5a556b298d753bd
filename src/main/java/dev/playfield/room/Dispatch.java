package dev.playfield.room;

import dev.playfield.protocol.v1.ErrorCode;
import io.vertx.core.eventbus.Message;
import java.util.HashMap;
import java.util.Map;

/**
 * One event-bus address's dispatch: the body's class picks its handler. Bodies travel with one
 * default codec per Protobuf class (see {@code EventBusCodecs}), so the class is the message type;
 * a body of no known type is refused with {@code UNKNOWN_MESSAGE} (a request gets that reply, a
 * plain send is dropped). Used on the host's event loop only.
 *
 * @param <C> what the handlers work on besides the message (a hosted room, or nothing)
 */
final class Dispatch<C> {

  /** Handles one message type. */
  @FunctionalInterface
  interface Handler<C, T> {
    void handle(C context, Message<Object> message, T body);
  }

  private final String accepts;
  private final Map<Class<?>, Handler<C, Object>> handlers = new HashMap<>();

  /** @param accepts what the address takes, for the refusal of anything else */
  Dispatch(String accepts) {
    this.accepts = accepts;
  }

  @SuppressWarnings("unchecked")
  <T> Dispatch<C> on(Class<T> type, Handler<C, T> handler) {
    handlers.put(type, (context, message, body) -> handler.handle(context, message, (T) body));
    return this;
  }

  void handle(C context, Message<Object> message) {
    Object body = message.body();
    Handler<C, Object> handler = body == null ? null : handlers.get(body.getClass());
    if (handler == null) {
      message.fail(ErrorCode.UNKNOWN_MESSAGE_VALUE, "this address takes " + accepts);
      return;
    }
    handler.handle(context, message, body);
  }
}
