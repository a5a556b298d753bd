package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.internal.Recipient;
import dev.playfield.protocol.internal.ResumeEntry;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.internal.SeatResume;
import dev.playfield.protocol.internal.SeatResumed;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.Resume;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A resume waits for a room that is being taken over, and a player who comes back after the match
 * ended learns how it ended. The resuming player connects through the gateway on the stepped
 * clock, so the takeover window passes when the test says so.
 */
@ExtendWith(VertxExtension.class)
class ResumeOutcomesTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private SteppedGateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    gateway = SteppedGateway.start(vertx, c -> c
        .with("modes.arena.settings.match-seconds", 2)
        .with("node.reconnect-grace-seconds", 60));
  }

  @Test
  void aResumeAfterTheMatchEndedGetsTheMatchEnd() throws Exception {
    LoginOk annLogin;
    MatchEnd ended;
    try (TestClient bob = TestClient.connect(vertx, gateway.node.httpPort(), true)) {
      TestClient ann = TestClient.connect(vertx, gateway.port(), true);
      annLogin = ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      ann.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);
      ann.close(); // Ann's connection drops; the match ends while she is away
      ended = bob.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
    }
    // The room host keeps the end for the grace window; kept here too, so the test does not
    // depend on the moment the room host's write lands.
    gateway.cluster.finished().put(ended, 60_000).await();

    try (TestClient back = TestClient.connect(vertx, gateway.port(), false)) {
      back.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(annLogin.getResumeToken())));
      ServerMessage resumed = stepUntilAnswered(back, m -> m.hasResumed() || m.hasError());
      assertThat(resumed.hasResumed()).as("resumed: %s", resumed).isTrue();
      assertThat(resumed.getResumed().getLogin().getPlayerId()).isEqualTo(annLogin.getPlayerId());
      assertThat(resumed.getResumed().hasMatch()).as("no seat to go back to").isFalse();
      MatchEnd told = back.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd();
      assertThat(told.getRoomId()).isEqualTo(ended.getRoomId());
      assertThat(told.getStandingsList()).extracting(s -> s.getPlayerId()).contains(annLogin.getPlayerId());
      // Idle again, not stuck: the player can queue for the next match.
      back.joinQueue("arena");
      back.await(ServerMessage::hasQueued, WAIT);
    }
  }

  @Test
  void aResumeWhileItsRoomIsTakenOverWaitsForTheRoomAndGetsItsFrame() throws Exception {
    String token = seatedAwayIn("moving-room");
    try (TestClient back = TestClient.connect(vertx, gateway.port(), true)) {
      double before = gateway.remoteFailures("seat", BusFailure.NO_HANDLER);
      back.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(token)));
      awaitSeatRetried(before);
      MessageConsumer<Object> room = vertx.eventBus().consumer(Addresses.room("moving-room"), message -> {
        if (message.body() instanceof SeatResume) {
          message.reply(SeatResumed.newBuilder().setAssigned(assignment()).setFrame(RoomTick.newBuilder()
              .setTick(42).setPhase(RoomPhase.ROOM_PHASE_RUNNING)
              .addRecipients(Recipient.newBuilder().setPlayerId("p-moving").setLastInputSeq(7)
                  .setGame(Any.pack(ArenaState.newBuilder().setTicksLeft(99).build())))).build());
        }
      });
      room.completion().await(); // the room is up on its new node

      ServerMessage resumed = back.await(m -> m.hasResumed() || m.hasError(), WAIT);
      assertThat(resumed.getResumed().getMatch().getRoomId()).as("seat back: %s", resumed).isEqualTo("moving-room");
      State full = back.await(ServerMessage::hasState, WAIT).getState();
      assertThat(full.getRoomId()).isEqualTo("moving-room");
      assertThat(full.getTick()).isEqualTo(42);
      assertThat(full.getLastInputSeq()).isEqualTo(7);
      assertThat(full.getGame().unpack(ArenaState.class).getTicksLeft()).isEqualTo(99);
      room.unregister().await();
    }
  }

  @Test
  void aResumeToARoomThatEndedAndWentAwayGetsItsEndWithoutWaitingOutTheTakeoverTime() throws Exception {
    // A disposed room answers "no handler" exactly like one being taken over; its end is in the
    // store, so the player must not wait the takeover time (8 s) for the seat request to give up.
    String token = seatedAwayIn("ended-room");
    gateway.cluster.finished().put(MatchEnd.newBuilder().setRoomId("ended-room").setTick(600)
        .addStandings(dev.playfield.protocol.v1.Standing.newBuilder().setPlayerId("p-moving").setRank(1)).build(),
        60_000).await();
    try (TestClient back = TestClient.connect(vertx, gateway.port(), false)) {
      long sent = System.nanoTime();
      back.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(token)));
      ServerMessage resumed = back.await(m -> m.hasResumed() || m.hasError(), WAIT);
      long tookMs = (System.nanoTime() - sent) / 1_000_000;
      assertThat(resumed.hasResumed()).as("resumed: %s", resumed).isTrue();
      assertThat(resumed.getResumed().hasMatch()).isFalse();
      assertThat(back.await(ServerMessage::hasMatchEnd, WAIT).getMatchEnd().getRoomId()).isEqualTo("ended-room");
      assertThat(tookMs).as("answered long before the takeover time of %d ms", SeatRecovery.ROOM_TAKEOVER.budgetMs())
          .isLessThan(SeatRecovery.ROOM_TAKEOVER.budgetMs() / 2);
    }
  }

  @Test
  void aSeatResumedByARoomHostOfThePreviousVersionUsesItsState() throws Exception {
    String token = seatedAwayIn("old-room");
    MessageConsumer<Object> room = vertx.eventBus().consumer(Addresses.room("old-room"), message -> {
      if (message.body() instanceof SeatResume) {
        message.reply(SeatResumed.newBuilder().setAssigned(assignment()).setState(State.newBuilder()
            .setRoomId("old-room").setTick(5).setLastInputSeq(3).setPhase(RoomPhase.ROOM_PHASE_RUNNING)).build());
      }
    });
    room.completion().await();
    try (TestClient back = TestClient.connect(vertx, gateway.port(), false)) {
      back.send(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(token)));
      assertThat(back.await(ServerMessage::hasResumed, WAIT).getResumed().hasMatch()).isTrue();
      State full = back.await(ServerMessage::hasState, WAIT).getState();
      assertThat(full.getTick()).isEqualTo(5);
      assertThat(full.getLastInputSeq()).isEqualTo(3);
    } finally {
      room.unregister().await();
    }
  }

  /** A resume token of player p-moving, away from a seat in {@code roomId} since just now. */
  private String seatedAwayIn(String roomId) {
    TokenService tokens = new TokenService(vertx, TestNode.TEST_SECRET, 3600, Clock.systemUTC());
    TokenService.ResumeToken token = tokens.issueResume("p-moving", "mo");
    gateway.cluster.resumes().put(token.tokenId(), ResumeEntry.newBuilder().setPlayerId("p-moving").setName("mo")
        .setRoomId(roomId).setDisconnectedAtMs(gateway.clock.millis()).build(), 60_000).await();
    return token.token();
  }

  private static RoomAssigned assignment() {
    return RoomAssigned.newBuilder().setMode("arena").setTickRate(20).addPlayerIds("p-moving")
        .addPlayers(PlayerInfo.newBuilder().setPlayerId("p-moving").setName("mo").setRating(1000).setSlot(0))
        .build();
  }

  private void awaitSeatRetried(double before) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (gateway.remoteFailures("seat", BusFailure.NO_HANDLER) <= before + 1) {
      assertThat(System.nanoTime()).as("the seat request was retried").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private ServerMessage stepUntilAnswered(TestClient client, java.util.function.Predicate<ServerMessage> wanted)
      throws InterruptedException {
    AtomicReference<ServerMessage> answer = new AtomicReference<>();
    gateway.stepUntil(() -> answer.updateAndGet(a -> a != null ? a : poll(client, wanted)) != null, 500);
    return answer.get();
  }

  private static ServerMessage poll(TestClient client, java.util.function.Predicate<ServerMessage> wanted) {
    try {
      return client.await(wanted, Duration.ofMillis(10));
    } catch (AssertionError none) {
      return null;
    }
  }
}
