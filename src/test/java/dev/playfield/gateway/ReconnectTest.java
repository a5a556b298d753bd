package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.PlayfieldNode;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.Resume;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import dev.playfield.protocol.v1.LeaveMatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A player whose connection drops takes the seat back with the resume token, within the grace window. */
@ExtendWith(VertxExtension.class)
class ReconnectTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private PlayfieldNode node;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.start(vertx, c -> c
        .with("modes.arena.settings.match-seconds", 30)
        .with("node.reconnect-grace-seconds", 2));
  }

  private TestClient client(boolean binary) {
    return TestClient.connect(vertx, node.httpPort(), binary);
  }

  /** Ann and Bob in a running match; returns Ann's login. */
  private LoginOk startMatch(TestClient ann, TestClient bob) {
    LoginOk login = ann.login("ann");
    bob.login("bob");
    ann.joinQueue("arena");
    bob.joinQueue("arena");
    ann.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);
    return login;
  }

  @Test
  void droppedPlayerResumesTheSeatWithFullStateAndPlaysOn() {
    try (TestClient bob = client(true)) {
      TestClient ann = client(false);
      LoginOk login = startMatch(ann, bob);
      int seq = ann.move(1, 0);
      ann.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT);
      ann.close();

      try (TestClient back = client(true)) {
        long reconnected = System.nanoTime();
        Resumed resumed = back.resume(login.getResumeToken());
        assertThat(resumed.getLogin().getPlayerId()).isEqualTo(login.getPlayerId());
        assertThat(resumed.getLogin().getResumeToken()).isNotEqualTo(login.getResumeToken());
        assertThat(resumed.hasMatch()).isTrue();
        assertThat(resumed.getMatch().getYourPlayerId()).isEqualTo(login.getPlayerId());
        State full = back.await(ServerMessage::hasState, WAIT).getState();
        assertThat(Duration.ofNanos(System.nanoTime() - reconnected)).isLessThan(Duration.ofSeconds(1));
        assertThat(full.getLastInputSeq()).isEqualTo(seq);
        assertThat(full.getGame().unpack(ArenaState.class).getPlayersList()).allMatch(p -> p.getPresent());

        back.continueSeqAfter(full.getLastInputSeq());
        int next = back.move(0, 1);
        back.await(m -> m.hasState() && m.getState().getLastInputSeq() >= next, WAIT);
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }
  }

  @Test
  void forgedTokensAndLoginTokensAreRefusedAsResumeTokens() {
    // A used token is refused once its retry window has passed: ClusterStateContractTest steps
    // the store's clock past it. Within the window a retry gets the seat (the test below).
    try (TestClient bob = client(true)) {
      TestClient ann = client(true);
      LoginOk login = startMatch(ann, bob);
      ann.close();
      try (TestClient back = client(true); TestClient forger = client(true)) {
        back.resume(login.getResumeToken());
        forger.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken("eyJ.forged.token")));
        forger.awaitError(ErrorCode.RESUME_REJECTED);
        forger.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(login.getToken())));
        assertThat(forger.awaitError(ErrorCode.RESUME_REJECTED).getError().getMessage()).contains("login token");
      }
    }
  }

  @Test
  void afterTheGraceWindowTheSeatIsGoneAndTheTokenExpired() throws Exception {
    try (TestClient bob = client(true)) {
      TestClient ann = client(true);
      LoginOk login = startMatch(ann, bob);
      ann.close();
      // Bob sees Ann stand still, still present, then gone once the grace window (2 s) is over.
      State during = bob.await(m -> m.hasState(), WAIT).getState();
      assertThat(during.getGame().unpack(ArenaState.class).getPlayersList()).allMatch(p -> p.getPresent());
      ServerMessage after = bob.await(m -> {
        try {
          return m.hasState() && m.getState().getGame().unpack(ArenaState.class).getPlayersList().stream()
              .anyMatch(p -> !p.getPresent());
        } catch (Exception e) {
          return false;
        }
      }, Duration.ofSeconds(5));
      assertThat(after).isNotNull();
      try (TestClient late = client(false)) {
        late.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(login.getResumeToken())));
        late.awaitError(ErrorCode.RESUME_EXPIRED);
      }
    }
  }

  @Test
  void idlePlayerResumesWithoutAMatch() {
    LoginOk login;
    try (TestClient ann = client(true)) {
      login = ann.login("ann");
    }
    try (TestClient back = client(false)) {
      Resumed resumed = back.resume(login.getResumeToken());
      assertThat(resumed.getLogin().getPlayerId()).isEqualTo(login.getPlayerId());
      assertThat(resumed.hasMatch()).isFalse();
      back.joinQueue("arena");
      back.await(ServerMessage::hasQueued, WAIT);
    }
  }

  @Test
  void leaveMatchIsAnswered() {
    try (TestClient ann = client(false); TestClient bob = client(true)) {
      startMatch(ann, bob);
      String roomId = ann.await(ServerMessage::hasState, WAIT).getState().getRoomId();
      int requestId = ann.send(ClientMessage.newBuilder().setLeaveMatch(LeaveMatch.getDefaultInstance()));
      ServerMessage left = ann.await(m -> m.hasMatchLeft() || m.hasError(), WAIT);
      assertThat(left.hasMatchLeft()).as("answered: %s", left).isTrue();
      assertThat(left.getRequestId()).isEqualTo(requestId);
      assertThat(left.getMatchLeft().getRoomId()).isEqualTo(roomId);
      // Out of the match: free to queue again.
      ann.joinQueue("arena");
      ann.await(ServerMessage::hasQueued, WAIT);
    }
  }

  @Test
  void aResumeWhoseAnswerWasLostCanBeRetriedWithTheSameToken() {
    try (TestClient bob = client(true)) {
      TestClient ann = client(true);
      LoginOk login = startMatch(ann, bob);
      ann.close();
      try (TestClient lost = client(true); TestClient retry = client(false)) {
        assertThat(lost.resume(login.getResumeToken()).hasMatch()).isTrue();
        // The client never saw that answer (its connection died with it) and tries again.
        Resumed again = retry.resume(login.getResumeToken());
        assertThat(again.getLogin().getPlayerId()).isEqualTo(login.getPlayerId());
        assertThat(again.hasMatch()).as("the seat is back on the retry").isTrue();
        retry.await(ServerMessage::hasState, WAIT);
        // The newer claim wins, as a login from elsewhere does.
        assertThat(lost.awaitClose(WAIT)).isEqualTo(Connection.CLOSE_REPLACED);
      }
    }
  }
}
