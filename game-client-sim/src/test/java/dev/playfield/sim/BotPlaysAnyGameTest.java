package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.Int32Value;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.StringValue;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot plays a game it knows nothing of, through the bots of that game's jar: the slot of the
 * MatchFound reaches the plug-in's player, the states reach it only when it reads them, and what
 * it answers arrives at the server packed in Input.game.
 */
class BotPlaysAnyGameTest {

  private static final String ROOM = "echo-room";

  @TempDir
  static Path work;

  private static PlayableGame echo() throws Exception {
    Path jar = GameJars.echoGameJar(work, "games/echo.jar");
    return PlayableGames.load(Optional.of(jar.getParent())).game("echo");
  }

  @Test
  void aBotThatReadsStatesSaysWhatItSawInTheSlotItWasGiven() throws Exception {
    try (ScriptedServer server = new ScriptedServer(oneMatchAsSlot1Of2())) {
      JsonObject report = run(server, echo(), "shout");
      List<String> said = inputs(server);
      assertThat(said).as(report.encodePrettily()).isNotEmpty();
      assertThat(said.get(0)).startsWith("slot 1 of 2");
      assertThat(said).contains("slot 1 of 2, saw 41");
      assertThat(report.getLong("matches_completed")).isEqualTo(1);
      assertThat(report.getLong("acks_received")).isPositive();
      assertThat(report.getJsonObject("errors").isEmpty()).isTrue();
      assertThat(report.getLong("undecodable_frames")).isZero();
    }
  }

  @Test
  void aBotThatDoesNotReadStatesIsNeverGivenOne() throws Exception {
    try (ScriptedServer server = new ScriptedServer(oneMatchAsSlot1Of2())) {
      JsonObject report = run(server, echo(), "whisper");
      assertThat(inputs(server)).as(report.encodePrettily()).isNotEmpty().containsOnly("slot 1 of 2");
      assertThat(report.getString("behavior")).isEqualTo("whisper");
      assertThat(report.getString("mode")).isEqualTo("echo");
    }
  }

  /** One match: this bot is p-1 in slot 1 of 2; states carry Int32Value(41) for a second, then the end. */
  private static ScriptedServer.Script oneMatchAsSlot1Of2() {
    AtomicInteger joins = new AtomicInteger();
    return (connection, message, peer) -> {
      switch (message.getBodyCase()) {
        case LOGIN -> peer.send(ServerMessage.newBuilder().setRequestId(message.getRequestId())
            .setLoginOk(LoginOk.newBuilder().setPlayerId("p-1").setName("bot-0").setToken("t").setResumeToken("r")));
        case JOIN_QUEUE -> {
          peer.send(ServerMessage.newBuilder().setRequestId(message.getRequestId())
              .setQueued(Queued.newBuilder().setMode(message.getJoinQueue().getMode())));
          if (joins.incrementAndGet() == 1) {
            playOneMatch(peer);
          }
        }
        default -> { }
      }
    };
  }

  private static void playOneMatch(ScriptedServer.Peer peer) {
    peer.send(ServerMessage.newBuilder().setMatchFound(MatchFound.newBuilder().setRoomId(ROOM).setMode("echo")
        .setYourPlayerId("p-1").setTickRate(10)
        .addPlayers(PlayerInfo.newBuilder().setPlayerId("p-0").setName("other").setSlot(0))
        .addPlayers(PlayerInfo.newBuilder().setPlayerId("p-1").setName("bot-0").setSlot(1))));
    for (int tick = 1; tick <= 10; tick++) {
      peer.sendLater(100L * tick, ServerMessage.newBuilder().setState(State.newBuilder().setRoomId(ROOM)
          .setTick(tick).setPhase(RoomPhase.ROOM_PHASE_RUNNING).setLastInputSeq(tick)
          .setGame(Any.pack(Int32Value.of(41)))));
    }
    peer.sendLater(1_100, ServerMessage.newBuilder().setMatchEnd(MatchEnd.newBuilder().setRoomId(ROOM).setTick(11)));
  }

  /** Runs one bot for 5 s: the scripted match takes 1.1 s, the rest is room for a slow start on a busy machine. */
  private static JsonObject run(ScriptedServer server, PlayableGame game, String behaviour) throws Exception {
    SimSettings settings = new SimSettings(List.of(server.url()), 1, 100, Duration.ofMillis(5_000), Duration.ZERO,
        Encoding.BINARY, "echo", game.behaviour(behaviour), 20, Duration.ofSeconds(1), 0, 5, 1, "nio", true);
    return new Simulation(settings, game, null).run().json();
  }

  private static List<String> inputs(ScriptedServer server) {
    return server.received.stream().filter(ClientMessage::hasInput).map(m -> {
      try {
        return m.getInput().getGame().unpack(StringValue.class).getValue();
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("an input that is not the plug-in's StringValue", e);
      }
    }).toList();
  }
}
