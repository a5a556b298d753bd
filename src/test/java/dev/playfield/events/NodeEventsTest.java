package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A real node with RabbitMQ and a webhook configured: two WebSocket players play a match, and a
 * backend listening on the broker and on the webhook hears about both players, the start and the
 * end, with the standings and rating changes the players were sent.
 */
class NodeEventsTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private Vertx vertx;
  private BrokerQueue broker;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() {
    BrokerQueue.requireBroker();
    vertx = Vertx.vertx();
    broker = BrokerQueue.declare(vertx);
    receiver = WebhookReceiver.start(vertx, TestPublisher.SECRET);
  }

  @AfterEach
  void stop() {
    receiver.close();
    broker.close();
    vertx.close().await();
  }

  @Test
  void aMatchPlayedOnTheNodeIsHeardOnTheBrokerAndTheWebhook() {
    PlayfieldNode node = TestNode.start(vertx, config -> config
        .with("events.rabbitmq-url", BrokerQueue.URL)
        .with("events.exchange", broker.exchange)
        // The secret first: every step is checked, and webhooks without one are refused.
        .with("events.webhook-secret", TestPublisher.SECRET)
        .with("events.webhook-urls", JsonArray.of(receiver.url()))
        .with("events.poll-interval-ms", 20));
    MatchEnd end;
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), true);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), false)) {
      ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      end = ann.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
    }
    Waiting.until(WAIT, () -> types(broker.received().stream().map(BrokerQueue.Received::body).toList())
        .contains("match.ended"), () -> "no match.ended on the broker: " + broker.received());

    List<JsonObject> onBroker = broker.received().stream().map(m -> new JsonObject(m.body())).toList();
    assertThat(types(onBroker.stream().map(JsonObject::encode).toList()))
        .containsExactly("account.created", "account.created", "match.started", "match.ended");
    JsonObject ended = onBroker.get(3);
    assertThat(ended.getString("roomId")).isEqualTo(end.getRoomId());
    assertThat(ended.getString("mode")).isEqualTo("arena");
    JsonArray standings = ended.getJsonArray("standings");
    assertThat(standings).hasSize(end.getStandingsCount());
    for (int i = 0; i < end.getStandingsCount(); i++) {
      JsonObject standing = standings.getJsonObject(i);
      assertThat(standing.getString("playerId")).isEqualTo(end.getStandings(i).getPlayerId());
      assertThat(standing.getInteger("rank")).isEqualTo(end.getStandings(i).getRank());
      assertThat(standing.getInteger("ratingBefore")).isEqualTo(end.getStandings(i).getRatingBefore());
      assertThat(standing.getInteger("ratingAfter")).isEqualTo(end.getStandings(i).getRatingAfter());
    }

    Waiting.until(WAIT, () -> receiver.accepted().size() >= onBroker.size(), () -> receiver.accepted() + " on the webhook");
    assertThat(receiver.accepted()).extracting(WebhookReceiver.Call::eventId)
        .containsExactlyElementsOf(broker.received().stream().map(BrokerQueue.Received::messageId).toList());
    assertThat(receiver.accepted()).allMatch(WebhookReceiver.Call::signatureValid);
  }

  private static List<String> types(List<String> bodies) {
    return bodies.stream().map(body -> new JsonObject(body).getString("type")).toList();
  }
}
