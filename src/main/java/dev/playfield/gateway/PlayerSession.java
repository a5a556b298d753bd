package dev.playfield.gateway;

import dev.playfield.protocol.internal.RoomAssigned;
import dev.playfield.protocol.internal.SessionReport;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.CreatePrivateRoom;
import dev.playfield.protocol.v1.Error;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.ListRooms;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.MatchLeft;
import dev.playfield.protocol.v1.Pong;
import dev.playfield.protocol.v1.PrivateRoom;
import dev.playfield.protocol.v1.PrivateRoomLeft;
import dev.playfield.protocol.v1.QueueLeft;
import dev.playfield.protocol.v1.Queued;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a connected player is doing: logged out, idle, queued, in a private room or in a match. The one dispatch on
 * the client message's body, and one small method per message; the work behind them is done by
 * {@link Logins}, {@link SessionResume}, {@link QueueRequests} and {@link InputForwarding}. Runs on
 * its connection's event loop only. (About 400 lines: the handlers of the client's messages and of
 * the rooms' events stay together because each reads and moves the one phase.)
 */
final class PlayerSession implements ConnectionListener, SessionHandle {

  enum Phase { LOGGED_OUT, LOGGING_IN, IDLE, QUEUED, IN_PRIVATE_ROOM, IN_MATCH, CLOSED }

  static final String DRAINING = "server shutting down; connect again to play on another node";
  private static final Logger log = LoggerFactory.getLogger(PlayerSession.class);

  private final Connection connection;
  private final Logins logins;
  private final SessionResume resumes;
  private final QueueRequests queue;
  private final PrivateRoomRequests privateRooms;
  private final InputForwarding inputs;
  private final PlayerRecords records;
  private final SessionRules rules;
  private final SessionRegistry registry;
  private final Clock clock;
  private Phase phase = Phase.LOGGED_OUT;
  private Logins.Issued login;
  private String playerId;
  private String name;
  private String roomId;
  private String mode;
  private int queueAttempt;
  /** The code of the private room the player is in (phase IN_PRIVATE_ROOM), once the matchmaker answered. */
  private String privateCode;
  private boolean replaced;

  PlayerSession(Connection connection, Logins logins, SessionResume resumes, QueueRequests queue,
      PrivateRoomRequests privateRooms, InputForwarding inputs, PlayerRecords records, SessionRules rules,
      SessionRegistry registry, Clock clock) {
    this.connection = connection;
    this.logins = logins;
    this.resumes = resumes;
    this.queue = queue;
    this.privateRooms = privateRooms;
    this.inputs = inputs;
    this.records = records;
    this.rules = rules;
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public String describe() {
    return playerId == null ? "an anonymous connection" : "player " + playerId;
  }

  @Override
  public void onMessage(ClientMessage message) {
    int requestId = message.getRequestId();
    switch (message.getBodyCase()) {
      case LOGIN -> onLogin(requestId, message.getLogin());
      case RESUME -> onResume(requestId, message.getResume().getResumeToken());
      case JOIN_QUEUE -> onJoinQueue(requestId, message.getJoinQueue());
      case LEAVE_QUEUE -> onLeaveQueue(requestId);
      case INPUT -> onInput(requestId, message.getInput());
      case PING -> reply(requestId, ServerMessage.newBuilder().setPong(Pong.newBuilder()
          .setClientTime(message.getPing().getClientTime()).setServerTimeMs(clock.millis())));
      case LEAVE_MATCH -> onLeaveMatch(requestId);
      case GET_RECENT_MATCHES -> onRecord(requestId, "read the recent matches",
          () -> records.recentMatches(playerId, message.getGetRecentMatches()));
      case GET_LEADERBOARD -> onRecord(requestId, "read the leaderboard",
          () -> records.leaderboard(playerId, message.getGetLeaderboard()));
      case CREATE_PRIVATE_ROOM -> onEnterPrivateRoom(requestId, message.getCreatePrivateRoom(), null);
      case JOIN_PRIVATE_ROOM -> onEnterPrivateRoom(requestId, null, message.getJoinPrivateRoom().getCode());
      case LEAVE_PRIVATE_ROOM -> onLeavePrivateRoom(requestId);
      case START_PRIVATE_ROOM -> onStartPrivateRoom(requestId);
      case LIST_ROOMS -> onRecord(requestId, "list the rooms", () -> listRooms(message.getListRooms()));
      case BODY_NOT_SET -> connection.reject(ErrorCode.UNKNOWN_MESSAGE, requestId, "the message has no body this server knows");
    }
  }

  private void onLogin(int requestId, Login request) {
    String badName = rules.badName(request.getName());
    if (badName != null) {
      connection.reject(ErrorCode.INVALID_ARGUMENT, requestId, badName);
    } else if (startLogin(requestId)) {
      logins.login(request, connection.remoteHost())
          .compose(issued -> logins.claim(issued.login().getPlayerId(), this).map(issued))
          .onComplete(done -> connection.execute(() -> {
            if (loggedIn(requestId, done.result(), done.cause())) {
              reply(requestId, ServerMessage.newBuilder().setLoginOk(login.login()));
            }
          }));
    }
  }

  private void onResume(int requestId, String resumeToken) {
    if (startLogin(requestId)) {
      resumes.resume(resumeToken, this).onComplete(done -> connection.execute(() -> {
        if (phase == Phase.CLOSED && done.succeeded()) {
          resumes.abandon(done.result(), inputs, this, clock.millis());
        } else if (loggedIn(requestId, done.succeeded() ? done.result().issued() : null, done.cause())) {
          resumes.answer(requestId, done.result(), connection, this::enter);
        }
      }));
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

  /** Completes a login or resume; false (after answering the error) when it failed. */
  private boolean loggedIn(int requestId, Logins.Issued issued, Throwable failure) {
    if (phase == Phase.CLOSED) {
      return false;
    }
    if (failure != null) {
      phase = Phase.LOGGED_OUT;
      if (failure instanceof LoginRefused refused) {
        connection.reject(refused.code, requestId, failure.getMessage());
      } else {
        unavailable(requestId, "log in", failure);
      }
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
    int attempt = ++queueAttempt;
    queue.join(playerId, name, join.getMode()).onComplete(done -> connection.execute(() -> {
      if (done.succeeded()) {
        reply(requestId, ServerMessage.newBuilder().setQueued(Queued.newBuilder()
            .setMode(join.getMode()).setRating(done.result())));
        return;
      }
      if (phase == Phase.QUEUED && attempt == queueAttempt) {
        phase = Phase.IDLE;
      }
      refusedOrUnavailable(requestId, "join the queue", done.cause());
    }));
  }

  private void onLeaveQueue(int requestId) {
    if (phase != Phase.QUEUED) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "not waiting in a queue");
      return;
    }
    // The player is out at once, whatever the matchmaker says: a match formed meanwhile is refused.
    phase = Phase.IDLE;
    String leftMode = mode;
    queue.leave(playerId).onComplete(done -> connection.execute(() ->
        reply(requestId, ServerMessage.newBuilder().setQueueLeft(QueueLeft.newBuilder().setMode(leftMode)))));
  }

  /** Creates a room, or (create null) joins the room of {@code joinCode}. */
  private void onEnterPrivateRoom(int requestId, CreatePrivateRoom create, String joinCode) {
    String bad = joinCode != null ? SessionRules.badRoomCode(joinCode) : SessionRules.badRoomLabel(create.getLabel());
    if (bad != null) {
      connection.reject(ErrorCode.INVALID_ARGUMENT, requestId, bad);
      return;
    }
    if (!ready(requestId)) {
      return;
    }
    phase = Phase.IN_PRIVATE_ROOM;
    privateCode = null;
    int attempt = ++queueAttempt;
    (create != null ? privateRooms.create(playerId, name, create) : privateRooms.join(playerId, name, joinCode))
        .onComplete(done -> connection.execute(() -> {
          boolean current = phase == Phase.IN_PRIVATE_ROOM && attempt == queueAttempt;
          if (done.succeeded()) {
            if (current) {
              privateCode = done.result().getCode();
            }
            reply(requestId, ServerMessage.newBuilder().setPrivateRoom(done.result()));
            return;
          }
          if (current) {
            phase = Phase.IDLE;
          }
          refusedOrUnavailable(requestId, create != null ? "create the private room" : "join the private room", done.cause());
        }));
  }

  private void onLeavePrivateRoom(int requestId) {
    if (!inPrivateRoom(requestId)) {
      return;
    }
    phase = Phase.IDLE;
    String code = privateCode == null ? "" : privateCode;
    privateRooms.leave(playerId).onComplete(done -> connection.execute(() ->
        reply(requestId, ServerMessage.newBuilder().setPrivateRoomLeft(PrivateRoomLeft.newBuilder().setCode(code)))));
  }

  private void onStartPrivateRoom(int requestId) {
    if (!inPrivateRoom(requestId)) {
      return;
    }
    answer(requestId, "start the private room",
        privateRooms.start(playerId, name).map(room -> ServerMessage.newBuilder().setPrivateRoom(room)));
  }

  private Future<ServerMessage.Builder> listRooms(ListRooms list) {
    if (list.getLimit() > 100) { // the matchmaker would cap it; a client asking for more has a bug
      return Future.failedFuture(new PlayerRecords.Refused(ErrorCode.INVALID_ARGUMENT, "limit is 1 to 100 (0: 20)"));
    }
    return privateRooms.list(playerId, list).map(rooms -> ServerMessage.newBuilder().setRoomList(rooms));
  }

  private boolean inPrivateRoom(int requestId) {
    if (phase != Phase.IN_PRIVATE_ROOM) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "not in a private room");
      return false;
    }
    return true;
  }

  /**
   * It was refused, by this gateway's checks or by the matchmaker (the code goes to the client), or
   * could not be done (UNAVAILABLE).
   */
  private void refusedOrUnavailable(int requestId, String what, Throwable cause) {
    ErrorCode refused = cause instanceof PlayerRecords.Refused here ? here.code : QueueRequests.refusal(cause);
    if (refused != null) {
      connection.reject(refused, requestId, cause.getMessage());
    } else {
      unavailable(requestId, what, cause);
    }
  }

  @Override
  public void privateRoomChanged(PrivateRoom room) {
    if (phase != Phase.IN_PRIVATE_ROOM) {
      return;
    }
    privateCode = room.getCode();
    connection.send(ServerMessage.newBuilder().setPrivateRoom(room).build());
  }

  private void onInput(int requestId, Input input) {
    if (phase == Phase.IN_MATCH) {
      inputs.forward(input).ifPresent(reason -> connection.reject(ErrorCode.INVALID_INPUT, requestId, reason));
    } else if (phase != Phase.IDLE || !inputs.justLeft()) { // else sent before the client heard the match was over
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "input outside a match");
    }
  }

  private void onLeaveMatch(int requestId) {
    if (phase != Phase.IN_MATCH) {
      connection.reject(phase == Phase.LOGGED_OUT ? ErrorCode.NOT_LOGGED_IN : ErrorCode.INVALID_STATE,
          requestId, "not in a match");
      return;
    }
    String leftRoom = roomId;
    inputs.giveUpSeat();
    leftRoom();
    reply(requestId, ServerMessage.newBuilder().setMatchLeft(MatchLeft.newBuilder().setRoomId(leftRoom)));
  }

  /** A question about the record or the room list, allowed in any phase once logged in. */
  private void onRecord(int requestId, String what, Supplier<Future<ServerMessage.Builder>> ask) {
    if (playerId == null || phase == Phase.LOGGING_IN) {
      connection.reject(ErrorCode.NOT_LOGGED_IN, requestId, "log in first");
      return;
    }
    answer(requestId, what, ask.get());
  }

  /** Replies with the answer once it comes, or with why there is none. */
  private void answer(int requestId, String what, Future<ServerMessage.Builder> asked) {
    asked.onComplete(done -> connection.execute(() -> {
      if (done.succeeded()) {
        reply(requestId, done.result());
      } else {
        refusedOrUnavailable(requestId, what, done.cause());
      }
    }));
  }

  @Override
  public void execute(Runnable work) {
    connection.execute(work);
  }

  @Override
  public boolean enterMatch(String roomId, RoomAssigned assigned) {
    if (phase != Phase.QUEUED && phase != Phase.IN_PRIVATE_ROOM) {
      return false;
    }
    connection.send(ServerMessage.newBuilder().setMatchFound(enter(roomId, assigned)).build());
    return true;
  }

  private MatchFound enter(String roomId, RoomAssigned assigned) {
    this.roomId = roomId;
    this.mode = assigned.getMode();
    inputs.enter(roomId, playerId, rules.gameOfMode().get(assigned.getMode()));
    phase = Phase.IN_MATCH;
    logins.remember(login, roomId, 0);
    return MatchFound.newBuilder().setRoomId(roomId).setMode(assigned.getMode()).setYourPlayerId(playerId)
        .addAllPlayers(assigned.getPlayersList()).setTickRate(assigned.getTickRate()).build();
  }


  private void leftRoom() {
    inputs.leave();
    phase = Phase.IDLE;
    roomId = null;
    logins.remember(login, "", 0);
  }

  private boolean inRoom(String roomId) {
    return phase == Phase.IN_MATCH && roomId.equals(this.roomId);
  }

  @Override
  public void deliverState(String roomId, State state) {
    if (inRoom(roomId)) {
      connection.sendState(ServerMessage.newBuilder().setState(state).build());
    }
  }

  @Override
  public void deliverMatchEnd(MatchEnd end) {
    if (!inRoom(end.getRoomId())) {
      return;
    }
    leftRoom();
    connection.send(ServerMessage.newBuilder().setMatchEnd(end).build());
    if (rules.draining().getAsBoolean()) {
      connection.close(Connection.CLOSE_GOING_AWAY, DRAINING);
    }
  }

  @Override
  public void replaced() {
    replaced = true;
    connection.close(Connection.CLOSE_REPLACED, "logged in from another connection");
  }

  @Override
  public void closeForDrain(boolean unlessInMatch) {
    if (!unlessInMatch || phase != Phase.IN_MATCH) {
      connection.close(Connection.CLOSE_GOING_AWAY, DRAINING);
    }
  }

  @Override
  public SessionReport report() {
    return SessionReport.newBuilder().setFound(true).setPlayerId(playerId == null ? "" : playerId)
        .setName(name == null ? "" : name).setPhase(phase.name().toLowerCase(Locale.ROOT))
        .setRoomId(roomId == null ? "" : roomId).setMode(mode == null ? "" : mode)
        .setEncoding(connection.encoding()).setStatesDropped(connection.statesDropped()).build();
  }

  @Override
  public void onClosed() {
    registry.closed(this);
    if (phase == Phase.QUEUED) {
      queue.leave(playerId);
    } else if (phase == Phase.IN_PRIVATE_ROOM) {
      privateRooms.leave(playerId);
    } else if (phase == Phase.IN_MATCH && !replaced) {
      inputs.holdSeat(); // the seat waits for the player to come back with the resume token
    }
    if (login != null && !replaced) {
      logins.remember(login, phase == Phase.IN_MATCH ? roomId : "", clock.millis());
    }
    phase = Phase.CLOSED;
    if (playerId != null) {
      logins.release(playerId, this);
    }
  }

  private boolean ready(int requestId) {
    switch (phase) {
      case IDLE -> {
        return true;
      }
      case QUEUED -> connection.reject(ErrorCode.ALREADY_QUEUED, requestId, "already waiting in the " + mode + " queue");
      case IN_MATCH -> connection.reject(ErrorCode.ALREADY_IN_MATCH, requestId, "already in a match");
      case IN_PRIVATE_ROOM -> connection.reject(ErrorCode.INVALID_STATE, requestId,
          "in private room " + (privateCode == null ? "(being entered)" : privateCode) + "; leave it first");
      default -> connection.reject(ErrorCode.NOT_LOGGED_IN, requestId, "log in first");
    }
    return false;
  }

  /** The server could not do it (not the client's fault, so no strike); the cause named in the log. */
  private void unavailable(int requestId, String what, Throwable cause) {
    String named = cause instanceof PatientRequests.GaveUp gaveUp ? gaveUp.failure.label() : "failed";
    log.atWarn().addKeyValue("player", playerId).addKeyValue("failure", named)
        .log("could not {}: {}", what, cause.getMessage());
    reply(requestId, ServerMessage.newBuilder().setError(Error.newBuilder().setCode(ErrorCode.UNAVAILABLE)
        .setMessage("the server could not " + what + " (" + named + "); try again")));
  }

  private void reply(int requestId, ServerMessage.Builder message) {
    connection.send(message.setRequestId(requestId).build());
  }
}
