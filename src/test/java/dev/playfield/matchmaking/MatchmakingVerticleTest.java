package dev.playfield.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.PlayfieldNode;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.LeaveQueue;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Matchmaking through real sessions: cancel, partial matches after the wait, one queue at a time. */
@ExtendWith(VertxExtension.class)
class MatchmakingVerticleTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void cancelledTicketIsNeverMatched(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c);
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), true);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), true)) {
      ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      ann.await(ServerMessage::hasQueued, WAIT);
      ann.send(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()));
      assertThat(ann.await(ServerMessage::hasQueueLeft, WAIT).getQueueLeft().getMode()).isEqualTo("arena");
      ann.send(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()));
      ann.awaitError(ErrorCode.INVALID_STATE);

      bob.joinQueue("arena");
      bob.await(ServerMessage::hasQueued, WAIT);
      assertThatThrownBy(() -> bob.await(ServerMessage::hasMatchFound, Duration.ofMillis(600)))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void partialMatchStartsAfterTheFillTimeoutWithAtLeastMinPlayers(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("modes.arena.match-size", 4)
        .with("modes.arena.min-players", 2)
        .with("modes.arena.fill-timeout-ms", 400));
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), true);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), false)) {
      ann.login("ann");
      ann.joinQueue("arena");
      // Alone: min-players is 2, so even after the timeout nothing starts.
      assertThatThrownBy(() -> ann.await(ServerMessage::hasMatchFound, Duration.ofMillis(700)))
          .isInstanceOf(AssertionError.class);
      bob.login("bob");
      long queuedAt = System.nanoTime();
      bob.joinQueue("arena");
      MatchFound found = bob.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
      assertThat(found.getPlayersCount()).isEqualTo(2);
      // Ann has waited past the timeout already, so the pair starts without waiting for a full four.
      assertThat(Duration.ofNanos(System.nanoTime() - queuedAt)).isLessThan(Duration.ofSeconds(2));
      ann.await(ServerMessage::hasMatchFound, WAIT);
    }
  }

  @Test
  void playerInAMatchCannotQueueAgain(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c.with("modes.arena.settings.match-seconds", 30));
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), true);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), true)) {
      ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      ann.await(ServerMessage::hasMatchFound, WAIT);
      ann.joinQueue("arena");
      ann.awaitError(ErrorCode.ALREADY_IN_MATCH);
    }
  }

  @Test
  void fullMatchFormsAtOnceWithoutWaitingForTheTimeout(Vertx vertx) {
    PlayfieldNode node = TestNode.start(vertx, c -> c
        .with("modes.arena.match-size", 3)
        .with("modes.arena.fill-timeout-ms", 60_000));
    TestClient[] clients = new TestClient[3];
    try {
      for (int i = 0; i < clients.length; i++) {
        clients[i] = TestClient.connect(vertx, node.httpPort(), i % 2 == 0);
        clients[i].login("p" + i);
        clients[i].joinQueue("arena");
      }
      String roomId = null;
      for (TestClient client : clients) {
        MatchFound found = client.await(ServerMessage::hasMatchFound, WAIT).getMatchFound();
        assertThat(found.getPlayersCount()).isEqualTo(3);
        roomId = roomId == null ? found.getRoomId() : roomId;
        assertThat(found.getRoomId()).isEqualTo(roomId);
      }
    } finally {
      for (TestClient client : clients) {
        if (client != null) {
          client.close();
        }
      }
    }
  }
}
