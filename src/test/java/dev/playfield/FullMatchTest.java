package dev.playfield;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.Standing;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Two real WebSocket clients play a whole arena match, from login to the ranked match end. */
@ExtendWith(VertxExtension.class)
class FullMatchTest {

  @ParameterizedTest(name = "binary={0}")
  @ValueSource(booleans = {true, false})
  void twoPlayersPlayAMatchFromLoginToRankedEnd(boolean binary, Vertx vertx) throws Exception {
    PlayfieldNode node = TestNode.start(vertx, config -> config);
    try (TestClient ann = TestClient.connect(vertx, node.httpPort(), binary);
        TestClient bob = TestClient.connect(vertx, node.httpPort(), binary)) {
      LoginOk annLogin = ann.login("ann");
      LoginOk bobLogin = bob.login("bob");
      assertThat(annLogin.getPlayerId()).isNotEqualTo(bobLogin.getPlayerId());
      assertThat(annLogin.getToken()).isNotEmpty();
      assertThat(annLogin.getRating()).isEqualTo(1000);

      ann.joinQueue("arena");
      bob.joinQueue("arena");
      assertThat(ann.await(ServerMessage::hasQueued, Duration.ofSeconds(5)).getQueued().getMode()).isEqualTo("arena");

      MatchFound found = ann.await(ServerMessage::hasMatchFound, Duration.ofSeconds(5)).getMatchFound();
      assertThat(found.getYourPlayerId()).isEqualTo(annLogin.getPlayerId());
      assertThat(found.getPlayersList()).extracting(p -> p.getName()).containsExactlyInAnyOrder("ann", "bob");
      assertThat(found.getTickRate()).isEqualTo(20);
      bob.await(ServerMessage::hasMatchFound, Duration.ofSeconds(5));

      State running = ann.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING,
          Duration.ofSeconds(5)).getState();
      assertThat(running.getRoomId()).isEqualTo(found.getRoomId());
      int seq = ann.move(1, 0);
      State acknowledged = ann.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq,
          Duration.ofSeconds(5)).getState();
      assertThat(acknowledged.getTick()).isGreaterThan(running.getTick());
      ArenaState arena = acknowledged.getGame().unpack(ArenaState.class);
      assertThat(arena.getPlayersCount()).isEqualTo(2);

      MatchEnd annEnd = ann.await(ServerMessage::hasMatchEnd, Duration.ofSeconds(10)).getMatchEnd();
      MatchEnd bobEnd = bob.await(ServerMessage::hasMatchEnd, Duration.ofSeconds(10)).getMatchEnd();
      assertThat(annEnd).isEqualTo(bobEnd);
      assertThat(annEnd.getStandingsList()).hasSize(2);
      assertThat(annEnd.getStandingsList()).extracting(Standing::getRank).isSorted().first().isEqualTo(1);
      assertThat(annEnd.getStandingsList()).extracting(Standing::getPlayerId)
          .containsExactlyInAnyOrder(annLogin.getPlayerId(), bobLogin.getPlayerId());

      // An input that was in flight when the match ended is dropped quietly, not answered with an
      // error (no client can avoid sending one).
      ann.move(1, 1);
      // The players are idle again: they can queue for the next match.
      ann.joinQueue("arena");
      ServerMessage next = ann.await(m -> m.hasQueued() || m.hasError(), Duration.ofSeconds(5));
      assertThat(next.hasQueued()).as("no error for the late input: " + next).isTrue();
    }
  }
}
