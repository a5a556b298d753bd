package dev.playfield.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.game.GameType;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatDisconnected;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SessionReport;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Pong;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.QueueLeft;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connected player is doing: logged out, idle, queued or in a match, and one small handler
 * per client message. Runs on its connection's event loop only.
 */
final class PlayerSession {

  enum Phase { LOGGED_OUT, LOGGING_IN, IDLE, QUEUED, IN_MATCH, CLOSED }

  static final String DRAINING = "server shutting down; connect again to play on another node";
  private static final Logger log = LoggerFactory.getLogger(PlayerSession.class);
  private static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(5_000);
  /** Inputs that arrive this soon after the match ended were in flight when it did. */
  private static final long LATE_INPUT_NANOS = 2_000_000_000L;

  private final Session connection;
  private final GatewayServices services;
  private final Logins logins;
  private final SeatRecovery seats;
  private Phase phase = Phase.LOGGED_OUT;
  private Logins.Issued login;
  private String playerId;
  private String name;
  private String roomId;
  private String mode;
  private GameType game;
  private boolean replaced;
  private long leftMatchAtNanos = Long.MIN_VALUE / 2;

  PlayerSession(Session connection, GatewayServices services) {
    this.connection = connection;
    this.services = services;
    this.logins = new Logins(services);
    this.seats = new SeatRecovery(services);
  }

  String describe() {
    return playerId == null ? "an anonymous connection" : "player " + playerId;
  }

  void handle(ClientMessage message) {
    int requestId = message.getRequestId();
    switch (message.getBodyCase()) {
      case LOGIN -> onLogin(requestId, message.getLogin());
      case RESUME -> onResume(requestId, message.getResume().getResumeToken());
      case JOIN_QUEUE -> onJoinQueue(requestId, message.getJoinQueue());
      case LEAVE_QUEUE -> onLeaveQueue(requestId);
      case INPUT -> onInput(requestId, message.getInput());
      case PING -> reply(requestId, ServerMessage.newBuilder().setPong(Pong.newBuilder()
          .setClientTime(message.getPing().getClientTime())
          .setServerTimeMs(System.currentTimeMillis())));
      case LEAVE_MATCH -> onLeaveMatch(requestId);
      case BODY_NOT_SET -> connection.reject(ErrorCode.UNKNOWN_MESSAGE, requestId, "empty message");
    }
  }

  private boolean startLogin(int requestId) {
    if (phase != Phase.LOGGED_OUT) {
      connection.reject(ErrorCode.INVALID_STATE, requestId, "already logged in");
      return false;
    }
    phase = Phase.LOGGING_IN;
    return true;
  }

  private void onLogin(int requestId, Login request) {
    Optional<String> badName = checkName(request.getName());
    if (badName.isPresent()) {
      connection.reject(ErrorCode.INVALID_ARGUMENT, requestId, badName.get());
      return;
    }
    if (!startLogin(requestId)) {
      return;
    }
    logins.login(request)
        .compose(issued -> logins.claim(issued.login().getPlayerId(), connection).map(issued))
        .onComplete(done -> connection.execute(() -> {
          if (loggedIn(requestId, done.result(), done.cause())) {
            reply(requestId, ServerMessage.newBuilder().setLoginOk(login.login()));
          }
        }));
  }

  private void onResume(int requestId, String resumeToken) {
    if (!startLogin(requestId)) {
      return;
    }
    long started = services.nanoTime().getAsLong();
    logins.resume(resumeToken)
        .compose(back -> logins.claim(back.issued().login().getPlayerId(), connection).map(back))
        .onComplete(done -> connection.execute(() -> {
          if (!loggedIn(requestId, done.succeeded() ? done.result().issued() : null, done.cause())) {
            return;
          }
          PlayfieldMetrics.of(services.vertx()).sessionResumed();
          String room = done.result().roomId();
          long loggedInAt = services.nanoTime().getAsLong();
          if (room.isEmpty()) {
            reply(requestId, ServerMessage.newBuilder().setResumed(Resumed.newBuilder().setLogin(login.login())));
            return;
          }
          seats.retake(room, playerId).onComplete(seat -> connection.execute(() -> {
            if (phase == Phase.CLOSED) {
              return;
            }
            Resumed.Builder resumed = Resumed.newBuilder().setLogin(login.login());
            if (seat.succeeded() && phase == Phase.IDLE) {
              MatchFound match = enter(room, seat.result().getAssigned());
              reply(requestId, ServerMessage.newBuilder().setResumed(resumed.setMatch(match)));
              deliverState(seat.result().getState());
              // Where a slow resume spends its time: the session (cluster maps) or the seat (the room).
              long now = services.nanoTime().getAsLong();
              log.atInfo().addKeyValue("player", playerId).addKeyValue("room", room)
                  .addKeyValue("session_ms", (loggedInAt - started) / 1_000_000)
                  .addKeyValue("seat_ms", (now - loggedInAt) / 1_000_000).log("seat resumed");
            } else {
              log.info("{} resumed without a seat: {}", describe(), seat.cause() == null ? phase : seat.cause().getMessage());
              logins.remember(login, "", 0);
              reply(requestId, ServerMessage.newBuilder().setResumed(resumed));
            }
          }));
        }));
  }

  /** Completes a login or resume; false (after answering the error) when it failed. */
  private boolean loggedIn(int requestId, Logins.Issued issued, Throwable failure) {
    if (phase == Phase.CLOSED) {
      return false;
    }
    if (failure != null) {
      phase = Phase.LOGGED_OUT;
      ErrorCode code = failure instanceof Logins.Refused refused ? refused.code : ErrorCode.UNAVAILABLE;
      connection.reject(code, requestId, failure.getMessage());
      return false;
    }
    login = issued;
    playerId = issued.login().getPlayerId();
    name = issued.login().getName();
    phase = Phase.IDLE;
    return true;
  }

  private void onJoinQueue(int requestId, JoinQueue join) {
    if (!ready(requestId)) {
      return;
    }
    phase = Phase.QUEUED;
    mode = join.getMode();
    services.ratings().rating(playerId).compose(rating -> {
      Seat seat = Seat.newBuilder().setPlayerId(playerId).setName(name).setRating(rating)
          .setGateway(services.address()).build();
      TicketRequest ticket = TicketRequest.newBuilder().setMode(join.getMode()).setSeat(seat).build();
      return services.bus().request(Addresses.MATCHMAKER, ticket, REQUEST).map(reply -> rating);
    }).onComplete(done -> connection.execute(() -> {
      if (done.succeeded()) {
        reply(requestId, ServerMessage.newBuilder().setQueued(Queued.newBuilder()
            .setMode(join.getMode()).setRating(done.result())));
      } else if (phase == Phase.QUEUED) {
        phase = Phase.IDLE;
        failed(requestId, done.cause());
      }
    }));
  }

  private void onLeaveQueue(int requestId) {
    if (phase != Phase.QUEUED) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "not waiting in a queue");
      return;
    }
    String leftMode = mode;
    cancelTicket().onComplete(done -> connection.execute(() -> {
      if (done.succeeded() && phase == Phase.QUEUED) {
        phase = Phase.IDLE;
        reply(requestId, ServerMessage.newBuilder().setQueueLeft(QueueLeft.newBuilder().setMode(leftMode)));
      } else if (done.failed()) {
        failed(requestId, done.cause());
      }
    }));
  }

  private void onInput(int requestId, Input input) {
    if (phase == Phase.IDLE && services.nanoTime().getAsLong() - leftMatchAtNanos < LATE_INPUT_NANOS) {
      return; // sent before the client heard the match was over: not the client's fault
    }
    if (phase != Phase.IN_MATCH) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "input outside a match");
      return;
    }
    Optional<String> reason = checkInput(input);
    if (reason.isPresent()) {
      connection.reject(ErrorCode.INVALID_INPUT, requestId, reason.get());
      return;
    }
    services.bus().send(Addresses.room(roomId), RoomInput.newBuilder()
        .setPlayerId(playerId).setSeq(input.getSeq()).setGame(input.getGame()).build());
  }

  private Optional<String> checkInput(Input input) {
    if (input.getSeq() == 0) {
      return Optional.of("input seq must start at 1");
    }
    Any payload = input.getGame();
    if (!payload.is(game.inputType())) {
      return Optional.of("game input must be " + game.inputType().getSimpleName() + ", got '"
          + payload.getTypeUrl() + "'");
    }
    try {
      // Unpacking here caches the parsed message in the Any, so the room on this node reuses it.
      Message parsed = payload.unpack(game.inputType());
      return game.rejectReason(parsed);
    } catch (InvalidProtocolBufferException e) {
      return Optional.of("game input does not parse: " + e.getMessage());
    }
  }

  private void onLeaveMatch(int requestId) {
    if (phase != Phase.IN_MATCH) {
      connection.reject(ErrorCode.INVALID_STATE, requestId, "not in a match");
      return;
    }
    services.bus().send(Addresses.room(roomId), SeatLeft.newBuilder().setPlayerId(playerId).build());
    leftRoom();
  }

  /** The matchmaker placed this player in a room. False when the player cannot take the seat. */
  boolean enterMatch(String roomId, RoomAssigned assigned) {
    if (phase != Phase.QUEUED) {
      return false;
    }
    connection.send(ServerMessage.newBuilder().setMatchFound(enter(roomId, assigned)).build());
    return true;
  }

  private MatchFound enter(String roomId, RoomAssigned assigned) {
    this.roomId = roomId;
    this.mode = assigned.getMode();
    this.game = services.gameOfMode().get(assigned.getMode());
    phase = Phase.IN_MATCH;
    logins.remember(login, roomId, 0);
    return MatchFound.newBuilder().setRoomId(roomId).setMode(assigned.getMode()).setYourPlayerId(playerId)
        .addAllPlayers(assigned.getPlayersList()).setTickRate(assigned.getTickRate()).build();
  }

  private void leftRoom() {
    leftMatchAtNanos = services.nanoTime().getAsLong();
    phase = Phase.IDLE;
    roomId = null;
    logins.remember(login, "", 0);
  }

  boolean inRoom(String roomId) {
    return phase == Phase.IN_MATCH && roomId.equals(this.roomId);
  }

  boolean inMatch() {
    return phase == Phase.IN_MATCH;
  }

  void deliverState(State state) {
    connection.sendState(ServerMessage.newBuilder().setState(state).build());
  }

  void deliverMatchEnd(MatchEnd end) {
    leftRoom();
    connection.send(ServerMessage.newBuilder().setMatchEnd(end).build());
    if (services.load().draining()) {
      connection.close(Session.CLOSE_GOING_AWAY, DRAINING);
    }
  }

  /** The player took this session over from another connection: nothing is given up on close. */
  void markReplaced() {
    replaced = true;
  }

  /** What the admin API shows of this session. */
  SessionReport.Builder report() {
    return SessionReport.newBuilder().setFound(true).setPlayerId(playerId).setName(name == null ? "" : name)
        .setPhase(phase.name().toLowerCase(java.util.Locale.ROOT))
        .setRoomId(roomId == null ? "" : roomId).setMode(mode == null ? "" : mode);
  }

  void onClosed() {
    if (phase == Phase.QUEUED) {
      cancelTicket();
    } else if (phase == Phase.IN_MATCH && !replaced) {
      // The seat waits for the player to come back with the resume token.
      services.bus().send(Addresses.room(roomId), SeatDisconnected.newBuilder().setPlayerId(playerId).build());
    }
    if (login != null && !replaced) {
      logins.remember(login, phase == Phase.IN_MATCH ? roomId : "", System.currentTimeMillis());
    }
    phase = Phase.CLOSED;
    if (playerId != null && services.registry().unbind(playerId, connection)) {
      services.directory().release(playerId, services.address());
    }
  }

  private boolean ready(int requestId) {
    switch (phase) {
      case IDLE -> {
        return true;
      }
      case QUEUED -> connection.reject(ErrorCode.ALREADY_QUEUED, requestId, "already waiting in the " + mode + " queue");
      case IN_MATCH -> connection.reject(ErrorCode.ALREADY_IN_MATCH, requestId, "already in a match");
      default -> connection.reject(ErrorCode.NOT_LOGGED_IN, requestId, "log in first");
    }
    return false;
  }

  private Future<?> cancelTicket() {
    return services.bus().request(Addresses.MATCHMAKER,
        CancelTicket.newBuilder().setPlayerId(playerId).build(), REQUEST);
  }

  private void failed(int requestId, Throwable cause) {
    if (cause instanceof ReplyException reply && reply.failureCode() > 0) {
      ErrorCode code = ErrorCode.forNumber(reply.failureCode());
      connection.reject(code == null ? ErrorCode.UNAVAILABLE : code, requestId, reply.getMessage());
    } else {
      log.warn("{}: request failed: {}", describe(), cause.toString());
      reply(requestId, ServerMessage.newBuilder().setError(Error.newBuilder()
          .setCode(ErrorCode.UNAVAILABLE).setMessage("the server could not complete this; try again")));
    }
  }

  private Optional<String> checkName(String raw) {
    String candidate = raw.strip();
    if (candidate.length() > services.limits().maxNameLength()) {
      return Optional.of("name is longer than " + services.limits().maxNameLength() + " characters");
    }
    if (candidate.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("name contains control characters");
    }
    return Optional.empty();
  }

  private void reply(int requestId, ServerMessage.Builder message) {
    connection.send(message.setRequestId(requestId).build());
  }
}
