package dev.playfield.events;

import dev.playfield.support.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher against the real RabbitMQ on 127.0.0.1:5672, each test on an exchange and a queue of its own. */
class RabbitMqPublishingTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private Vertx vertx;
  private BrokerQueue broker;
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void connect() {
    BrokerQueue.requireBroker();
    vertx = Vertx.vertx();
    broker = BrokerQueue.declare(vertx);
  }

  @AfterEach
  void close() {
    if (broker != null) {
      broker.close();
    }
    if (vertx != null) {
      vertx.close().await();
    }
  }

  @Test
  void everyEventArrivesInOrderAsAPersistentMessageNamedByItsIdAndRoutedByItsType() {
    for (int i = 0; i < 25; i++) {
      outbox.append(List.of("match.started", "match.ended", "account.created").get(i % 3), i % 3 == 2 ? null : "room-" + i);
    }
    List<OutboxEvent> written = outbox.written();
    TestPublisher.deploy(vertx, TestPublisher.config(BrokerQueue.URL, broker.exchange, List.of()), outbox,
        new SwitchedLeadership(true), registry);

    Waiting.until(WAIT, () -> broker.received().size() >= written.size(), () -> broker.received().size() + " received");
    Waiting.until(WAIT, () -> outbox.depth().await() == 0, () -> "the outbox still holds " + outbox.depth().await());
    List<BrokerQueue.Received> received = broker.received();
    assertThat(received).extracting(BrokerQueue.Received::messageId)
        .containsExactlyElementsOf(written.stream().map(OutboxEvent::id).toList());
    for (int i = 0; i < written.size(); i++) {
      OutboxEvent event = written.get(i);
      BrokerQueue.Received message = received.get(i);
      assertThat(message.routingKey()).isEqualTo(event.type());
      assertThat(message.type()).isEqualTo(event.type());
      assertThat(message.body()).isEqualTo(event.payloadJson());
      assertThat(message.deliveryMode()).as("persistent").isEqualTo(2);
      assertThat(message.contentType()).isEqualTo("application/json");
    }
    assertThat(registry.counter("playfield_events_delivered", "sink", "rabbitmq").count()).isEqualTo(written.size());
  }

  @Test
  void eventsWrittenWhileTheBrokerIsGoneAllArriveOnceItIsBack() {
    try (TcpProxy proxy = TcpProxy.to(vertx, BrokerQueue.PORT)) {
      String url = "amqp://guest:guest@127.0.0.1:" + proxy.port();
      TestPublisher.deploy(vertx, TestPublisher.config(url, broker.exchange, List.of()), outbox,
          new SwitchedLeadership(true), registry);
      for (int i = 0; i < 5; i++) {
        outbox.matchEnded();
      }
      Waiting.until(WAIT, () -> broker.received().size() >= 5, () -> broker.received().size() + " of the first 5 received");

      proxy.close();
      for (int i = 0; i < 30; i++) {
        outbox.matchEnded();
        Waiting.sleep(Duration.ofMillis(50));
      }
      Waiting.until(WAIT, () -> failures() >= 3, () -> failures() + " failed attempts while the broker was gone");
      assertThat(distinctIds()).as("nothing can arrive while the broker is gone").hasSize(5);
      assertThat(outbox.depth().await()).as("kept in the outbox").isEqualTo(30);

      proxy.open();
      Waiting.until(WAIT, () -> distinctIds().size() == 35, () -> distinctIds().size() + " of 35 distinct events received");
      Waiting.until(WAIT, () -> outbox.depth().await() == 0, () -> "the outbox still holds " + outbox.depth().await());
    }
    assertThat(distinctIds()).as("every event, in the order written once repeats are dropped")
        .containsExactlyElementsOf(outbox.written().stream().map(OutboxEvent::id).toList());
  }

  private double failures() {
    return registry.counter("playfield_event_delivery_failures", "sink", "rabbitmq").count();
  }

  /** The ids received, each at its first arrival: what a consumer that drops repeats keeps. */
  private Set<String> distinctIds() {
    Set<String> ids = new LinkedHashSet<>();
    broker.received().forEach(message -> ids.add(message.messageId()));
    return ids;
  }
}
