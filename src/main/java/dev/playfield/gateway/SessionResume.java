package dev.playfield.gateway;

import dev.playfield.game.GameType;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.Future;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A returning player taking a dropped session back: the resume token is checked and spent, the
 * session claimed (a session of the same player elsewhere is kicked, as for a second login), then
 * the seat retaken from the room, or the match's end found if it ended meanwhile; then the answer.
 * Stateless; {@link #resume} from any thread, the rest on the session's event loop.
 */
final class SessionResume {

  /** The session taken back, and what became of its seat (GONE with no reason when it had none). */
  record Result(Logins.Issued issued, String roomId, SeatOutcome seat) {}

  private static final Logger log = LoggerFactory.getLogger(SessionResume.class);

  private final Logins logins;
  private final SeatRecovery seats;
  private final PlayfieldMetrics metrics;
  private final LongSupplier nanoTime;
  private final Map<String, GameType> gameOfMode;

  SessionResume(Logins logins, SeatRecovery seats, PlayfieldMetrics metrics, LongSupplier nanoTime,
      Map<String, GameType> gameOfMode) {
    this.logins = logins;
    this.gameOfMode = gameOfMode;
    this.seats = seats;
    this.metrics = metrics;
    this.nanoTime = nanoTime;
  }

  /** Fails with {@link LoginRefused} for a bad token, or with the cluster's failure. */
  Future<Result> resume(String resumeToken, SessionHandle claimant) {
    long started = nanoTime.getAsLong();
    return logins.resume(resumeToken)
        .compose(back -> logins.claim(back.issued().login().getPlayerId(), claimant).map(back))
        .compose(back -> {
          metrics.sessionResumed();
          String playerId = back.issued().login().getPlayerId();
          if (back.roomId().isEmpty()) {
            return Future.succeededFuture(new Result(back.issued(), "", SeatOutcome.gone("no seat to take back")));
          }
          long loggedInAt = nanoTime.getAsLong();
          return seats.retake(back.roomId(), playerId).map(seat -> {
            // Where a slow resume spends its time: the session (cluster maps) or the seat (the room).
            long now = nanoTime.getAsLong();
            log.atInfo().addKeyValue("player", playerId).addKeyValue("room", back.roomId())
                .addKeyValue("seat", seat.kind())
                .addKeyValue("session_ms", (loggedInAt - started) / 1_000_000)
                .addKeyValue("seat_ms", (now - loggedInAt) / 1_000_000).log("session resumed: {}", seat.reason());
            return new Result(back.issued(), back.roomId(), seat);
          });
        });
  }

  /**
   * Answers the resume: {@code Resumed} with the match and then its full state when the seat is
   * back ({@code enter} puts the session in the match); {@code Resumed} and then the match's end
   * when it ended meanwhile, so the client counts it as played; else {@code Resumed} alone.
   */
  void answer(int requestId, Result result, Connection connection, BiFunction<String, RoomAssigned, MatchFound> enter) {
    Resumed.Builder resumed = Resumed.newBuilder().setLogin(result.issued().login());
    SeatOutcome seat = result.seat();
    switch (seat.kind()) {
      case SEATED -> {
        resumed.setMatch(enter.apply(result.roomId(), seat.assigned()));
        connection.send(ServerMessage.newBuilder().setRequestId(requestId).setResumed(resumed).build());
        connection.sendState(ServerMessage.newBuilder().setState(seat.state()).build());
      }
      case MATCH_ENDED -> {
        connection.send(ServerMessage.newBuilder().setRequestId(requestId).setResumed(resumed).build());
        connection.send(ServerMessage.newBuilder().setMatchEnd(seat.end()).build());
      }
      case GONE -> {
        if (!result.roomId().isEmpty()) {
          logins.remember(result.issued(), "", 0);
        }
        connection.send(ServerMessage.newBuilder().setRequestId(requestId).setResumed(resumed).build());
      }
    }
  }

  /**
   * The connection closed while its resume was under way: a retaken seat is handed back to the
   * grace window, so the player can come back again.
   */
  void abandon(Result result, InputForwarding inputs, SessionHandle session, long nowMs) {
    String playerId = result.issued().login().getPlayerId();
    boolean seated = result.seat().kind() == SeatOutcome.Kind.SEATED;
    if (seated) {
      inputs.enter(result.roomId(), playerId, gameOfMode.get(result.seat().assigned().getMode()));
      inputs.holdSeat();
    }
    logins.remember(result.issued(), seated ? result.roomId() : "", nowMs);
    logins.release(playerId, session);
  }
}
