package dev.playfield.events;

import dev.playfield.support.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.store.MatchOutcome;
import dev.playfield.store.MatchStart;
import dev.playfield.store.sql.SqlPlayerStore;
import dev.playfield.support.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store's real outbox on PostgreSQL (a schema of its own) feeding RabbitMQ and a webhook, the
 * way a game's backend sees it: matches are recorded while the broker is away for a while and the
 * webhook fails, some ends twice, and in the end each sink has exactly one match.ended per match.
 */
class PostgresOutboxPublishingTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private Vertx vertx;
  private String schema;
  private SqlPlayerStore store;
  private BrokerQueue broker;
  private WebhookReceiver receiver;

  @BeforeEach
  void open() {
    TestDatabases.requirePostgres();
    BrokerQueue.requireBroker();
    vertx = Vertx.vertx();
    schema = TestDatabases.freshSchema();
    store = SqlPlayerStore.open(vertx, TestDatabases.postgres(schema), "unused", 1000, new SimpleMeterRegistry(),
        Clock.systemUTC()).await();
    broker = BrokerQueue.declare(vertx);
    receiver = WebhookReceiver.start(vertx, TestPublisher.SECRET);
  }

  @AfterEach
  void close() {
    if (receiver != null) {
      receiver.close();
    }
    if (broker != null) {
      broker.close();
    }
    if (store != null) {
      store.close().await();
    }
    if (vertx != null) {
      vertx.close().await();
    }
    if (schema != null) {
      TestDatabases.dropSchema(schema);
    }
  }

  @Test
  void everyFinishedMatchReachesTheBrokerAndTheWebhookOnceAfterBothWereDown() {
    List<String> rooms = new ArrayList<>();
    try (TcpProxy proxy = TcpProxy.to(vertx, BrokerQueue.PORT)) {
      TestPublisher.deploy(vertx, TestPublisher.config("amqp://guest:guest@127.0.0.1:" + proxy.port(), broker.exchange,
          List.of(receiver.url())), store, new SwitchedLeadership(true), new SimpleMeterRegistry());
      for (int i = 0; i < 4; i++) {
        rooms.add(playMatch(i));
      }
      proxy.close();
      receiver.failing.set(true);
      for (int i = 4; i < 12; i++) {
        rooms.add(playMatch(i));
      }
      // Replayed after a failover, and delivered twice: the store records each end once.
      playEnd(rooms.get(5));
      playEnd(rooms.get(10));
      Waiting.sleep(Duration.ofMillis(500));
      assertThat(store.depth().await()).as("waiting in the outbox while both sinks are down").isPositive();

      proxy.open();
      receiver.failing.set(false);
      Waiting.until(WAIT, () -> store.depth().await() == 0, () -> "the outbox still holds " + store.depth().await());
    }
    Map<String, JsonObject> byBroker = firstArrivals(broker.received(), BrokerQueue.Received::messageId,
        BrokerQueue.Received::body);
    Map<String, JsonObject> byWebhook = firstArrivals(receiver.accepted(), WebhookReceiver.Call::eventId,
        WebhookReceiver.Call::body);
    assertThat(endedRooms(byBroker)).containsExactlyElementsOf(rooms);
    assertThat(endedRooms(byWebhook)).containsExactlyElementsOf(rooms);
    assertThat(byWebhook.keySet()).as("the same events, in the same order").containsExactlyElementsOf(byBroker.keySet());
    assertThat(receiver.accepted()).allMatch(WebhookReceiver.Call::signatureValid);
    // Two players and one start and one end per match; every id is the payload's own.
    assertThat(byBroker.values()).filteredOn(event -> "account.created".equals(event.getString("type"))).hasSize(2);
    assertThat(byBroker.values()).filteredOn(event -> "match.started".equals(event.getString("type"))).hasSize(12);
    byBroker.forEach((id, event) -> assertThat(event.getString("id")).isEqualTo(id));
  }

  private String playMatch(int index) {
    String room = "room-" + index + "-" + schema;
    store.savePlayer("p-ann", "ann").await();
    store.savePlayer("p-bob", "bob").await();
    store.recordStart(new MatchStart(room, "arena",
        List.of(new MatchStart.Participant("p-ann", "ann"), new MatchStart.Participant("p-bob", "bob")))).await();
    playEnd(room);
    return room;
  }

  private void playEnd(String room) {
    store.recordEnd(new MatchOutcome(room, "arena", 600, List.of(
        new MatchOutcome.Result("p-ann", "ann", 1, 5, false, 16),
        new MatchOutcome.Result("p-bob", "bob", 2, 3, false, -16)))).await();
  }

  /** Each event's payload by id at its first arrival, in arrival order: what a consumer that drops repeats keeps. */
  private static <T> Map<String, JsonObject> firstArrivals(List<T> arrivals, Function<T, String> id,
      Function<T, String> body) {
    Map<String, JsonObject> first = new LinkedHashMap<>();
    arrivals.forEach(arrival -> first.putIfAbsent(id.apply(arrival), new JsonObject(body.apply(arrival))));
    return first;
  }

  private static List<String> endedRooms(Map<String, JsonObject> events) {
    return events.values().stream().filter(event -> "match.ended".equals(event.getString("type")))
        .map(event -> event.getString("roomId")).toList();
  }
}
