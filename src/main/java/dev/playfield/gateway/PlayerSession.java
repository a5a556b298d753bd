package dev.playfield.gateway;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import dev.playfield.game.GameType;
import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.KickSession;
import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.Seat;
import dev.playfield.protocol.internal.SeatLeft;
import dev.playfield.protocol.internal.SessionReport;
import dev.playfield.protocol.internal.TicketRequest;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Pong;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.QueueLeft;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connected player is doing: logged out, idle, queued or in a match, and one small handler
 * per client message. Runs on its connection's event loop only.
 */
final class PlayerSession {

  enum Phase { LOGGED_OUT, LOGGING_IN, IDLE, QUEUED, IN_MATCH, CLOSED }

  private static final Logger log = LoggerFactory.getLogger(PlayerSession.class);
  static final String DRAINING = "server shutting down; connect again to play on another node";
  private static final DeliveryOptions REQUEST = new DeliveryOptions().setSendTimeout(5_000);

  private final Session connection;
  private final GatewayServices services;
  private Phase phase = Phase.LOGGED_OUT;
  private String playerId;
  private String name;
  private String roomId;
  private String mode;
  private GameType game;

  PlayerSession(Session connection, GatewayServices services) {
    this.connection = connection;
    this.services = services;
  }

  String describe() {
    return playerId == null ? "an anonymous connection" : "player " + playerId;
  }

  void handle(ClientMessage message) {
    int requestId = message.getRequestId();
    switch (message.getBodyCase()) {
      case LOGIN -> onLogin(requestId, message.getLogin());
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

  private void onLogin(int requestId, Login login) {
    if (phase != Phase.LOGGED_OUT) {
      connection.reject(ErrorCode.INVALID_STATE, requestId, "already logged in");
      return;
    }
    Optional<String> badName = checkName(login.getName());
    if (badName.isPresent()) {
      connection.reject(ErrorCode.INVALID_ARGUMENT, requestId, badName.get());
      return;
    }
    phase = Phase.LOGGING_IN;
    var identity = login.getToken().isEmpty()
        ? io.vertx.core.Future.succeededFuture(new TokenService.Claims(newPlayerId(), ""))
        : services.tokens().verify(login.getToken());
    identity.compose(claims -> services.ratings().rating(claims.playerId()).map(rating -> {
      String chosen = !login.getName().isBlank() ? login.getName().strip()
          : !claims.name().isEmpty() ? claims.name() : guestName(claims.playerId());
      return LoginOk.newBuilder().setPlayerId(claims.playerId()).setName(chosen).setRating(rating)
          .setToken(services.tokens().issue(claims.playerId(), chosen)).build();
    })).onComplete(done -> connection.execute(() -> finishLogin(requestId, done.result(), done.cause())));
  }

  private void finishLogin(int requestId, LoginOk ok, Throwable failure) {
    if (phase == Phase.CLOSED) {
      return;
    }
    if (failure != null) {
      phase = Phase.LOGGED_OUT;
      boolean expired = failure instanceof TokenService.TokenRejected rejected && rejected.expired();
      connection.reject(expired ? ErrorCode.TOKEN_EXPIRED : ErrorCode.INVALID_TOKEN, requestId, failure.getMessage());
      return;
    }
    playerId = ok.getPlayerId();
    name = ok.getName();
    phase = Phase.IDLE;
    Session replaced = services.registry().bind(playerId, connection);
    if (replaced != null) {
      replaced.execute(() -> replaced.close(Session.CLOSE_REPLACED, "logged in from another connection"));
    }
    String player = playerId;
    services.directory().claim(player, services.address()).onComplete(claimed -> {
      String previous = claimed.succeeded() ? claimed.result() : null;
      if (previous != null && !previous.equals(services.address())) {
        // The player's old session is on another node: that node closes it.
        services.bus().send(previous, GatewayFrame.newBuilder().setKick(KickSession.newBuilder()
            .setPlayerId(player).setNewGateway(services.address())).build());
      }
      connection.execute(() -> reply(requestId, ServerMessage.newBuilder().setLoginOk(ok)));
    });
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
    if (phase != Phase.IN_MATCH) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "input outside a match");
      return;
    }
    if (input.getSeq() == 0) {
      connection.reject(ErrorCode.INVALID_INPUT, requestId, "input seq must start at 1");
      return;
    }
    Any payload = input.getGame();
    if (!payload.is(game.inputType())) {
      connection.reject(ErrorCode.INVALID_INPUT, requestId, "game input must be "
          + game.inputType().getSimpleName() + ", got '" + payload.getTypeUrl() + "'");
      return;
    }
    Optional<String> reason;
    try {
      // Unpacking here caches the parsed message in the Any, so the room on this node reuses it.
      Message parsed = payload.unpack(game.inputType());
      reason = game.rejectReason(parsed);
    } catch (InvalidProtocolBufferException e) {
      reason = Optional.of("game input does not parse: " + e.getMessage());
    }
    if (reason.isPresent()) {
      connection.reject(ErrorCode.INVALID_INPUT, requestId, reason.get());
      return;
    }
    services.bus().send(Addresses.room(roomId), RoomInput.newBuilder()
        .setPlayerId(playerId).setSeq(input.getSeq()).setGame(payload).build());
  }

  private void onLeaveMatch(int requestId) {
    if (phase != Phase.IN_MATCH) {
      connection.reject(ErrorCode.INVALID_STATE, requestId, "not in a match");
      return;
    }
    leaveRoom();
    phase = Phase.IDLE;
  }

  /** The matchmaker placed this player in a room. False when the player cannot take the seat. */
  boolean enterMatch(String roomId, RoomAssigned assigned) {
    if (phase != Phase.QUEUED) {
      return false;
    }
    this.roomId = roomId;
    this.mode = assigned.getMode();
    this.game = services.gameOfMode().get(assigned.getMode());
    phase = Phase.IN_MATCH;
    connection.send(ServerMessage.newBuilder().setMatchFound(MatchFound.newBuilder()
        .setRoomId(roomId).setMode(assigned.getMode()).setYourPlayerId(playerId)
        .addAllPlayers(assigned.getPlayersList()).setTickRate(assigned.getTickRate())).build());
    return true;
  }

  boolean inRoom(String roomId) {
    return phase == Phase.IN_MATCH && roomId.equals(this.roomId);
  }

  void deliverState(State state) {
    connection.sendState(ServerMessage.newBuilder().setState(state).build());
  }

  void deliverMatchEnd(MatchEnd end) {
    phase = Phase.IDLE;
    roomId = null;
    connection.send(ServerMessage.newBuilder().setMatchEnd(end).build());
    if (services.load().draining()) {
      connection.close(Session.CLOSE_GOING_AWAY, DRAINING);
    }
  }

  /** What the admin API shows of this session. */
  SessionReport.Builder report() {
    return SessionReport.newBuilder().setFound(true).setPlayerId(playerId).setName(name == null ? "" : name)
        .setPhase(phase.name().toLowerCase(java.util.Locale.ROOT))
        .setRoomId(roomId == null ? "" : roomId).setMode(mode == null ? "" : mode);
  }

  boolean inMatch() {
    return phase == Phase.IN_MATCH;
  }

  void onClosed() {
    if (phase == Phase.QUEUED) {
      cancelTicket();
    } else if (phase == Phase.IN_MATCH) {
      leaveRoom();
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

  private io.vertx.core.Future<?> cancelTicket() {
    return services.bus().request(Addresses.MATCHMAKER,
        CancelTicket.newBuilder().setPlayerId(playerId).build(), REQUEST);
  }

  private void leaveRoom() {
    services.bus().send(Addresses.room(roomId), SeatLeft.newBuilder().setPlayerId(playerId).build());
    roomId = null;
  }

  private void failed(int requestId, Throwable cause) {
    if (cause instanceof ReplyException reply && reply.failureCode() > 0) {
      ErrorCode code = ErrorCode.forNumber(reply.failureCode());
      connection.reject(code == null ? ErrorCode.UNAVAILABLE : code, requestId, reply.getMessage());
    } else {
      log.warn("{}: request failed: {}", describe(), cause.toString());
      reply(requestId, ServerMessage.newBuilder().setError(dev.playfield.protocol.v1.Error.newBuilder()
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

  private static String guestName(String playerId) {
    String tail = playerId.substring(Math.max(0, playerId.length() - 4));
    return "Guest-" + tail.toUpperCase(java.util.Locale.ROOT);
  }

  private static String newPlayerId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "p-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
  }
}
