package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * How one bot counts what a cluster under faults answers, against a scripted server: requests
 * refused with UNAVAILABLE are retried and counted apart from those refused on every try, and a
 * match whose MatchEnd arrives after a resume without the seat counts as completed, not as lost.
 */
class BotUnderFaultsTest {

  private static final String ROOM = "room-1";

  @Test
  void joinQueueRefusedWithUnavailableIsRetriedFiveTimesThenCountedRefusedAndStartedOver() throws Exception {
    AtomicInteger joins = new AtomicInteger();
    try (ScriptedServer server = new ScriptedServer((connection, message, peer) -> {
      switch (message.getBodyCase()) {
        case LOGIN -> peer.send(loginOk(message, "r1"));
        // Five refusals use up the first request; the sixth refuses the first try of the next one.
        case JOIN_QUEUE -> peer.send(joins.incrementAndGet() <= 6 ? unavailable(message) : queued(message));
        default -> { }
      }
    })) {
      JsonObject report = run(server, Duration.ofSeconds(11));
      assertThat(joins.get()).as(report.encodePrettily()).isEqualTo(7);
      assertThat(report.getLong("requests_retried")).as("tries 2-5 of the first request, try 2 of the next").isEqualTo(5);
      assertThat(report.getLong("requests_refused")).as("the first request, refused on every try").isEqualTo(1);
      assertThat(report.getJsonObject("errors").getMap()).containsOnlyKeys("UNAVAILABLE").containsEntry("UNAVAILABLE", 1L);
      assertThat(report.getLong("requests_unanswered")).isZero();
    }
  }

  @Test
  void aMatchEndAfterAResumeWithoutTheSeatCountsTheMatchCompleted() throws Exception {
    try (ScriptedServer server = new ScriptedServer(matchThenResume(true))) {
      JsonObject report = run(server, Duration.ofSeconds(4));
      assertThat(server.count(ClientMessage.BodyCase.RESUME)).as(report.encodePrettily()).isEqualTo(1);
      assertThat(report.getLong("resumed")).isEqualTo(1);
      assertThat(report.getLong("match_ends_after_resume")).isEqualTo(1);
      assertThat(report.getLong("matches_started")).isEqualTo(1);
      assertThat(report.getLong("matches_completed")).isEqualTo(1);
      assertThat(report.getLong("matches_aborted")).isZero();
      assertThat(report.getLong("seats_lost")).isZero();
      assertThat(server.count(ClientMessage.BodyCase.JOIN_QUEUE)).as("queues again after the resume").isEqualTo(2);
    }
  }

  @Test
  void aResumeWithoutTheSeatAndNoMatchEndIsASeatLostAndAnAbortedMatch() throws Exception {
    try (ScriptedServer server = new ScriptedServer(matchThenResume(false))) {
      JsonObject report = run(server, Duration.ofSeconds(5));
      assertThat(report.getLong("resumed")).as(report.encodePrettily()).isEqualTo(1);
      assertThat(report.getLong("seats_lost")).isEqualTo(1);
      assertThat(report.getLong("matches_aborted")).isEqualTo(1);
      assertThat(report.getLong("matches_completed")).isZero();
      assertThat(report.getLong("match_ends_after_resume")).isZero();
    }
  }

  /**
   * Connection 1: login, queue, a match with a few states, then the server goes away (1001).
   * Connection 2: the resume is answered without the seat, with the match's end after it or not.
   */
  private static ScriptedServer.Script matchThenResume(boolean endFollows) {
    return (connection, message, peer) -> {
      switch (message.getBodyCase()) {
        case LOGIN -> peer.send(loginOk(message, "r1"));
        case JOIN_QUEUE -> {
          peer.send(queued(message));
          if (connection == 1) {
            peer.send(ServerMessage.newBuilder().setMatchFound(MatchFound.newBuilder().setRoomId(ROOM)
                .setMode("arena").setYourPlayerId("p-1").setTickRate(20)
                .addPlayers(PlayerInfo.newBuilder().setPlayerId("p-1").setName("bot-0").setSlot(0))));
            for (int tick = 1; tick <= 5; tick++) {
              peer.sendLater(50L * tick, ServerMessage.newBuilder().setState(State.newBuilder().setRoomId(ROOM)
                  .setTick(tick).setPhase(RoomPhase.ROOM_PHASE_RUNNING)));
            }
            peer.closeLater(400);
          }
        }
        case RESUME -> {
          assertThat(message.getResume().getResumeToken()).isEqualTo("r1");
          peer.send(ServerMessage.newBuilder().setRequestId(message.getRequestId())
              .setResumed(Resumed.newBuilder().setLogin(loginOk(message, "r2").getLoginOk())));
          if (endFollows) {
            peer.send(ServerMessage.newBuilder().setMatchEnd(MatchEnd.newBuilder().setRoomId(ROOM).setTick(300)));
          }
        }
        default -> { }
      }
    };
  }

  private static JsonObject run(ScriptedServer server, Duration duration) throws Exception {
    SimSettings settings = new SimSettings(List.of(server.url()), 1, 100, duration, Duration.ZERO, Encoding.BINARY,
        "arena", "random-walk", 20, Duration.ofSeconds(1), 0, 5, 1, "nio", true);
    return new Simulation(settings, PlayableGames.load(Optional.empty()).game("arena"), null).run().json();
  }

  private static ServerMessage.Builder loginOk(ClientMessage request, String resumeToken) {
    return ServerMessage.newBuilder().setRequestId(request.getRequestId()).setLoginOk(LoginOk.newBuilder()
        .setPlayerId("p-1").setName("bot-0").setToken("t").setRating(1000).setResumeToken(resumeToken));
  }

  private static ServerMessage.Builder queued(ClientMessage request) {
    return ServerMessage.newBuilder().setRequestId(request.getRequestId())
        .setQueued(Queued.newBuilder().setMode("arena").setRating(1000));
  }

  private static ServerMessage.Builder unavailable(ClientMessage request) {
    return ServerMessage.newBuilder().setRequestId(request.getRequestId())
        .setError(Error.newBuilder().setCode(ErrorCode.UNAVAILABLE).setMessage("hand-over"));
  }
}
