package dev.playfield.events;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BasicProperties;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * Publishes events to a durable topic exchange, the routing key being the event's type, as
 * persistent messages whose message id is the event's id; a batch counts as delivered only once
 * the broker has confirmed all of it (publisher confirms). The connection is made on first use and
 * made again, with the exchange (and queue) declared again, after any failure: the client's own
 * reconnection is off, so that the publisher's backoff alone decides when the broker is tried.
 */
final class RabbitMqSink implements EventSink {

  static final String NAME = "rabbitmq";
  /** Connecting (TCP and AMQP handshake) may take this long before the attempt fails. */
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  /** A published batch not confirmed within this fails, and is published again later. */
  private static final long CONFIRM_TIMEOUT_MS = 10_000;
  /** Heartbeats find a broker that went away without closing the socket. */
  private static final int HEARTBEAT_SECONDS = 10;

  private final RabbitMQClient client;
  private final String exchange;
  private final String queue;
  /** Connected, declared and in confirm mode; false after any failure. */
  private boolean ready;

  RabbitMqSink(Vertx vertx, String url, String exchange, String queue) {
    this.client = RabbitMQClient.create(vertx, new RabbitMQOptions()
        .setUri(url)
        .setConnectionName("playfield-events")
        .setConnectionTimeout(CONNECT_TIMEOUT_MS)
        .setHandshakeTimeout(CONNECT_TIMEOUT_MS)
        .setRequestedHeartbeat(HEARTBEAT_SECONDS)
        .setAutomaticRecoveryEnabled(false)
        .setReconnectAttempts(0));
    this.exchange = exchange;
    this.queue = queue;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Future<Delivery> deliver(List<OutboxEvent> events) {
    return connected()
        .compose(v -> publishFrom(events, 0))
        .compose(v -> client.waitForConfirms(CONFIRM_TIMEOUT_MS))
        .map(v -> Delivery.all(events))
        .otherwise(cause -> {
          // Some of the batch may have reached the broker: it is published again whole (at least once).
          ready = false;
          return Delivery.stoppedAt(0, cause);
        });
  }

  private Future<Void> connected() {
    if (ready && client.isConnected()) {
      return Future.succeededFuture();
    }
    return client.stop()
        .transform(stopped -> client.start())
        .compose(v -> client.exchangeDeclare(exchange, "topic", true, false))
        .compose(v -> queue.isEmpty() ? Future.<Void>succeededFuture()
            : client.queueDeclare(queue, true, false, false).compose(ok -> client.queueBind(queue, exchange, "#")))
        .compose(v -> client.confirmSelect())
        .onSuccess(v -> ready = true);
  }

  // One after the other: the channel keeps the order they are published in.
  private Future<Void> publishFrom(List<OutboxEvent> events, int index) {
    if (index == events.size()) {
      return Future.succeededFuture();
    }
    OutboxEvent event = events.get(index);
    return client.basicPublish(exchange, event.type(), properties(event), Buffer.buffer(event.payloadJson()))
        .compose(v -> publishFrom(events, index + 1));
  }

  private static BasicProperties properties(OutboxEvent event) {
    AMQP.BasicProperties.Builder properties = new AMQP.BasicProperties.Builder()
        .contentType("application/json")
        .contentEncoding("utf-8")
        .deliveryMode(2)
        .messageId(event.id())
        .type(event.type())
        .appId("playfield")
        .timestamp(new Date());
    if (event.roomId() != null) {
      properties.headers(Map.of("room-id", event.roomId()));
    }
    return properties.build();
  }

  @Override
  public Future<Void> close() {
    ready = false;
    return client.stop();
  }
}
