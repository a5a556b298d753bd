package dev.playfield.events;

import io.vertx.core.Vertx;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * A consumer of the real broker on 127.0.0.1:5672, as a game's backend would be: its own exchange
 * and queue (random names, so tests never see each other's events, deleted at the end), bound to
 * every event, and every message received kept.
 */
final class BrokerQueue implements AutoCloseable {

  static final String URL = "amqp://guest:guest@127.0.0.1:5672";
  static final int PORT = 5672;

  /** One message as the consumer got it. */
  record Received(String messageId, String routingKey, String type, Integer deliveryMode, String contentType,
      String body) {}

  final String exchange;
  final String queue;
  private final RabbitMQClient client;
  private final List<Received> received = new ArrayList<>();

  private BrokerQueue(Vertx vertx) {
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    this.exchange = "playfield.events.test-" + suffix;
    this.queue = "playfield.test-" + suffix;
    this.client = RabbitMQClient.create(vertx, new RabbitMQOptions().setUri(URL).setConnectionTimeout(5_000));
  }

  /** Skips the test when RabbitMQ does not answer on 127.0.0.1:5672 (fails it instead under CI). */
  static void requireBroker() {
    String problem = null;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", PORT), 3_000);
    } catch (IOException e) {
      problem = e.getMessage();
    }
    if (problem != null && System.getenv("CI") != null) {
      throw new AssertionError("RabbitMQ is needed under CI and does not answer on 127.0.0.1:" + PORT + ": " + problem);
    }
    String reason = problem;
    Assumptions.assumeTrue(reason == null, () -> "RabbitMQ does not answer on 127.0.0.1:" + PORT + ": " + reason);
  }

  /** Declares the exchange the way the publisher does, and a queue bound to it, and consumes. */
  static BrokerQueue declare(Vertx vertx) {
    BrokerQueue broker = new BrokerQueue(vertx);
    broker.client.start().await();
    broker.client.exchangeDeclare(broker.exchange, "topic", true, false).await();
    broker.client.queueDeclare(broker.queue, false, false, false).await();
    broker.client.queueBind(broker.queue, broker.exchange, "#").await();
    broker.client.basicConsumer(broker.queue, new QueueOptions().setAutoAck(true)).await()
        .handler(broker::onMessage);
    return broker;
  }

  private synchronized void onMessage(RabbitMQMessage message) {
    received.add(new Received(message.properties().getMessageId(), message.envelope().getRoutingKey(),
        message.properties().getType(), message.properties().getDeliveryMode(), message.properties().getContentType(),
        message.body().toString(StandardCharsets.UTF_8)));
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    client.queueDelete(queue).await();
    client.exchangeDelete(exchange).await();
    client.stop().await();
  }
}
