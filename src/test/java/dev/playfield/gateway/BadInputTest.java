package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.StringValue;
import dev.playfield.PlayfieldNode;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import dev.playfield.support.TestNode;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad input gets an error with a code; abuse closes only the abuser's connection. */
@ExtendWith(VertxExtension.class)
class BadInputTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private PlayfieldNode node;

  @BeforeEach
  void startNode(Vertx vertx) {
    this.vertx = vertx;
    node = TestNode.start(vertx, config -> config
        .with("gateway.max-strikes", 10)
        .with("modes.arena.settings.match-seconds", 30));
  }

  private TestClient client(boolean binary) {
    return TestClient.connect(vertx, node.httpPort(), binary);
  }

  @Test
  void malformedBinaryFrameGetsMalformedFrame() {
    try (TestClient client = client(true)) {
      client.sendBinary(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, 0x01});
      assertThat(client.awaitError(ErrorCode.MALFORMED_FRAME).getError().getMessage()).contains("binary");
    }
  }

  @Test
  void malformedJsonGetsMalformedFrame() {
    try (TestClient client = client(false)) {
      client.sendText("{\"login\": {\"name\": ");
      assertThat(client.awaitError(ErrorCode.MALFORMED_FRAME).getError().getMessage()).contains("JSON");
      client.sendText("{\"input\": {\"seq\": \"not a number\"}}");
      client.awaitError(ErrorCode.MALFORMED_FRAME);
    }
  }

  @Test
  void messageWithUnknownBodyGetsUnknownMessage() {
    try (TestClient client = client(false)) {
      client.sendText("{\"requestId\": 7, \"teleport\": {\"x\": 1}}");
      ServerMessage error = client.awaitError(ErrorCode.UNKNOWN_MESSAGE);
      assertThat(error.getRequestId()).isEqualTo(7);
    }
    try (TestClient client = client(true)) {
      // Field 99 is unknown to the server: it is skipped and the envelope has no body.
      client.sendBinary(new byte[] {(byte) 0x9a, 0x06, 0x00});
      client.awaitError(ErrorCode.UNKNOWN_MESSAGE);
    }
  }

  @Test
  void oversizeFrameGetsFrameTooLargeAndConnectionStaysUsable() {
    try (TestClient client = client(false)) {
      client.sendText("{\"login\":{\"name\":\"" + "x".repeat(5000) + "\"}}");
      client.awaitError(ErrorCode.FRAME_TOO_LARGE);
      assertThat(client.login("after").getName()).isEqualTo("after");
    }
  }

  @Test
  void messagesWrongForTheSessionStateGetStateErrors() {
    try (TestClient client = client(true)) {
      client.joinQueue("arena");
      client.awaitError(ErrorCode.NOT_LOGGED_IN);
      client.login("early");
      client.move(1, 0);
      client.awaitError(ErrorCode.INVALID_STATE);
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setName("again")));
      client.awaitError(ErrorCode.INVALID_STATE);
      client.send(ClientMessage.newBuilder().setJoinQueue(JoinQueue.newBuilder().setMode("chess")));
      client.awaitError(ErrorCode.UNKNOWN_MODE);
      client.joinQueue("arena");
      client.await(ServerMessage::hasQueued, WAIT);
      client.joinQueue("arena");
      client.awaitError(ErrorCode.ALREADY_QUEUED);
    }
  }

  @Test
  void outOfRangeAndMistypedInputsAreRejected() {
    try (TestClient ann = client(true); TestClient bob = client(false)) {
      ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      ann.await(ServerMessage::hasMatchFound, WAIT);
      for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -7f}) {
        ann.move(bad, 0);
        assertThat(ann.awaitError(ErrorCode.INVALID_INPUT).getError().getMessage()).contains("dx");
      }
      ann.send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(99)
          .setGame(Any.pack(StringValue.of("jump")))));
      assertThat(ann.awaitError(ErrorCode.INVALID_INPUT).getError().getMessage()).contains("ArenaInput");
      ann.send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(0)
          .setGame(Any.pack(ArenaInput.newBuilder().setDx(1).build()))));
      ann.awaitError(ErrorCode.INVALID_INPUT);
      // JSON with a value out of float range.
      bob.sendText("{\"input\":{\"seq\":1,\"game\":{\"@type\":\"type.googleapis.com/playfield.arena.ArenaInput\","
          + "\"dx\":1e400}}}");
      assertThat(bob.await(ServerMessage::hasError, WAIT).getError().getCode())
          .isIn(ErrorCode.MALFORMED_FRAME, ErrorCode.INVALID_INPUT);
      // The match goes on: a valid input is still acknowledged.
      int seq = ann.move(0.5f, 0.5f);
      ann.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, WAIT);
    }
  }

  @Test
  void forgedAndExpiredTokensAreRefused() {
    TokenService stranger = new TokenService(vertx, "another-secret-another-secret-0123456", 3600, Clock.systemUTC());
    TokenService pastSelf = new TokenService(vertx, TestNode.TEST_SECRET, 60,
        Clock.fixed(Instant.now().minus(Duration.ofDays(2)), ZoneOffset.UTC));
    try (TestClient client = client(false)) {
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setToken(stranger.issue("p-x", "mallory"))));
      client.awaitError(ErrorCode.INVALID_TOKEN);
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setToken("not.a.jwt")));
      client.awaitError(ErrorCode.INVALID_TOKEN);
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setToken(pastSelf.issue("p-old", "old"))));
      client.awaitError(ErrorCode.TOKEN_EXPIRED);
      // Refused logins leave the connection usable for a proper one.
      assertThat(client.login("first").getPlayerId()).isNotEmpty();
    }
  }

  @Test
  void tokenFromEarlierLoginRestoresThePlayer() {
    String playerId;
    String token;
    try (TestClient first = client(true)) {
      var ok = first.login("carol");
      playerId = ok.getPlayerId();
      token = ok.getToken();
    }
    try (TestClient second = client(false)) {
      var ok = second.login(Login.newBuilder().setToken(token));
      assertThat(ok.getPlayerId()).isEqualTo(playerId);
      assertThat(ok.getName()).isEqualTo("carol");
    }
  }

  @Test
  void secondLoginOfSamePlayerClosesTheFirstSession() {
    try (TestClient first = client(true); TestClient second = client(true)) {
      var ok = first.login("dave");
      second.login(Login.newBuilder().setToken(ok.getToken()));
      assertThat(first.awaitClose(WAIT)).isEqualTo(Connection.CLOSE_REPLACED);
      assertThat(first.closeReason()).contains("another connection");
    }
  }

  @Test
  void badNamesAreRejected() {
    try (TestClient client = client(false)) {
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setName("x".repeat(100))));
      client.awaitError(ErrorCode.INVALID_ARGUMENT);
      client.send(ClientMessage.newBuilder().setLogin(Login.newBuilder().setName("bell\u0007")));
      client.awaitError(ErrorCode.INVALID_ARGUMENT);
    }
  }

  @Test
  void floodIsRateLimitedThenClosedWhileTheMatchNextDoorPlaysOn() {
    try (TestClient ann = client(true); TestClient bob = client(true); TestClient flooder = client(true)) {
      ann.login("ann");
      bob.login("bob");
      ann.joinQueue("arena");
      bob.joinQueue("arena");
      ann.await(m -> m.hasState() && m.getState().getPhase() == RoomPhase.ROOM_PHASE_RUNNING, WAIT);

      flooder.login("flooder");
      for (int i = 0; i < 400 && !flooder.isClosed(); i++) {
        flooder.send(ClientMessage.newBuilder().setPing(Ping.newBuilder().setClientTime(i)));
      }
      flooder.awaitError(ErrorCode.RATE_LIMITED);
      assertThat(flooder.awaitClose(WAIT)).isEqualTo(Connection.CLOSE_ABUSE);
      assertThat(flooder.closeReason()).contains("RATE_LIMITED");

      // The neighbours noticed nothing: their inputs are still acknowledged within a few ticks.
      ann.drain();
      int seq = ann.move(1, 0);
      ann.await(m -> m.hasState() && m.getState().getLastInputSeq() >= seq, Duration.ofSeconds(1));
      assertThat(bob.isClosed()).isFalse();
    }
  }

  @Test
  void repeatedGarbageClosesTheConnection() {
    try (TestClient client = client(false)) {
      for (int i = 0; i < 10; i++) {
        client.sendText("garbage " + i);
      }
      assertThat(client.awaitClose(WAIT)).isEqualTo(Connection.CLOSE_ABUSE);
    }
  }
}
