package dev.playfield.sim;

import dev.playfield.game.bot.BotPlayer;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.LeaveMatch;
import dev.playfield.protocol.v1.LeaveQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.Resume;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One simulated player: connects, logs in, queues, plays the match, queues again, until told to
 * leave. Every method runs on the event loop of the driver that owns the bot; the driver calls
 * {@link #service} on its schedule, so a bot has no timer of its own. The game itself is played by
 * the bot's {@link BotPlayer}, through {@link MatchPlay}; the bot knows no game.
 *
 * <p>As a real client would, it sends a request the server refused with {@code UNAVAILABLE} again
 * (bounded, see {@link RetriedRequest}), takes its seat back after a dropped connection, counts a
 * match whose {@code MatchEnd} follows a resume without the seat as completed, and gives a match
 * up when its room falls silent for {@link MatchPlay#STALL_NANOS} (in a game that sends a state
 * every tick).
 */
final class Bot implements BotConnection.Events {

  enum Phase { OFFLINE, CONNECTING, LOGGING_IN, RESUMING, QUEUEING, QUEUED, LEAVING_QUEUE, IN_MATCH, LEFT }

  private static final long RECONNECT_DELAY_NANOS = 1_000_000_000L;
  /** After a drop the bot comes back quickly, to take its seat back within the grace window. */
  private static final long RESUME_DELAY_NANOS = 200_000_000L;
  private static final long LATE_INPUT_WINDOW_NANOS = 1_000_000_000L;
  /** A queue wait this long is abandoned: the bot leaves the queue and joins again. */
  static final long QUEUE_PATIENCE_NANOS = 30_000_000_000L;
  /** After a request was refused on every try, the bot waits this long and starts it over. */
  private static final long AFTER_REFUSAL_NANOS = 3_000_000_000L;

  private final int index;
  private final BotContext context;
  private final BotConnection connection;
  private final RetriedRequest request;
  private final BotMatches matches;
  private final MatchPlay play;

  private volatile Phase phase = Phase.OFFLINE;
  private String token = "";
  private String resumeToken = "";
  private String playerId;
  /** When the connection dropped (0: not resuming); the next connection sends Resume. */
  private long droppedAt;
  private long reconnectedAt;
  private int nextRequestId = 1;
  private long nextConnectAt;
  private long nextPingAt;
  private long queuedAt;
  private long matchEndedAt;
  /** A request refused on every try, started over at {@link #startOverAt} (0: none). */
  private ClientMessage startOver;
  private long startOverAt;

  /**
   * @param urls the nodes this bot may use, its own first; after a drop it tries the next one
   * @param player plays the game for this bot, match after match
   */
  Bot(int index, BotContext context, List<String> urls, BotPlayer player) {
    this.index = index;
    this.context = context;
    this.connection = new BotConnection(context, urls, this);
    this.matches = new BotMatches(context.metrics());
    this.play = new MatchPlay(index, context, player, context.game().statesEveryTick());
    this.request = new RetriedRequest(new SplittableRandom(context.settings().seed() * 1_000_003L + index));
  }

  Phase phase() {
    return phase;
  }

  /** The bot's first connection attempt is due at {@code nanos} (its slot in the ramp). */
  void startAt(long nanos) {
    nextConnectAt = nanos;
  }

  /** Called by the driver every few milliseconds: connects, sends due inputs, pings and retries. */
  void service(long now) {
    if (phase == Phase.LEFT) {
      return;
    }
    matches.check(now);
    if (connection.isOpen()) {
      serviceRequest(now);
    }
    switch (phase) {
      case OFFLINE -> {
        if (now - nextConnectAt >= 0) {
          phase = Phase.CONNECTING;
          connection.connect();
        }
      }
      case IN_MATCH -> {
        ClientMessage input = play.dueInput(now);
        if (input != null) {
          connection.send(input);
        }
        if (play.stalled(now)) {
          giveUpMatch();
        }
        pingIfDue(now);
      }
      case QUEUED -> {
        if (now - queuedAt > QUEUE_PATIENCE_NANOS) {
          context.metrics().queueWaitsAbandoned.increment();
          phase = Phase.LEAVING_QUEUE;
          sendRequest(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()).build());
        }
        pingIfDue(now);
      }
      case LOGGING_IN, RESUMING, QUEUEING, LEAVING_QUEUE -> pingIfDue(now);
      default -> { }
    }
  }

  /** Sends a due retry, starts a refused request over, or gives up on a connection that stopped answering. */
  private void serviceRequest(long now) {
    ClientMessage retry = request.due(now);
    if (retry != null) {
      int id = nextRequestId++;
      connection.send(retry.toBuilder().setRequestId(id).build());
      request.resent(id, now);
    } else if (request.timedOut(now)) {
      context.metrics().requestsUnanswered.increment();
      connection.close("no answer");
      dropped(now);
      connection.nextNode();
      nextConnectAt = now + RESUME_DELAY_NANOS;
    } else if (startOver != null && now - startOverAt >= 0) {
      ClientMessage again = startOver;
      startOver = null;
      if (again.hasJoinQueue()) {
        joinQueue();
      } else {
        sendRequest(again);
      }
    }
  }

  /** Drops the connection on purpose and comes back with the token, as a flaky mobile client would. */
  void churn(long now) {
    if (!connection.isOpen() || phase == Phase.OFFLINE || phase == Phase.CONNECTING || phase == Phase.LEFT) {
      return;
    }
    context.metrics().churned.increment();
    connection.close("churn");
    dropped(now);
    nextConnectAt = now;
  }

  /** The connection is gone; the match state is kept for the resume. */
  private void dropped(long now) {
    droppedAt = resumeToken.isEmpty() ? 0 : now;
    if (droppedAt == 0) {
      matches.lose(); // no token to come back with
    }
    request.clear();
    startOver = null;
    play.stop();
    phase = Phase.OFFLINE;
  }

  /** The run is over: mark an open match as such and close the connection normally. */
  void leave() {
    matches.runOver();
    phase = Phase.LEFT;
    connection.finish("simulation over");
  }

  boolean closed() {
    return connection.closed();
  }

  @Override
  public void opened() {
    long now = System.nanoTime();
    nextPingAt = now + context.pingPeriodNanos() * (index % 16) / 16;
    if (droppedAt != 0) {
      reconnectedAt = now;
      phase = Phase.RESUMING;
      sendRequest(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(resumeToken)).build());
    } else {
      login();
    }
  }

  @Override
  public void connectFailed() {
    phase = Phase.OFFLINE;
    nextConnectAt = System.nanoTime() + RECONNECT_DELAY_NANOS;
  }

  @Override
  public void lost() {
    long now = System.nanoTime();
    dropped(now);
    nextConnectAt = now + (droppedAt != 0 ? RESUME_DELAY_NANOS : RECONNECT_DELAY_NANOS);
  }

  private void login() {
    phase = Phase.LOGGING_IN;
    sendRequest(ClientMessage.newBuilder()
        .setLogin(Login.newBuilder().setName("bot-" + index).setToken(token)).build());
  }

  @Override
  public void received(ServerMessage message) {
    context.metrics().messagesIn.increment();
    int replyId = message.getRequestId();
    if (message.hasError() && message.getError().getCode() == ErrorCode.UNAVAILABLE && replyId != 0
        && onUnavailable(replyId)) {
      return;
    }
    ClientMessage.BodyCase answered = replyId == 0 ? null : request.answered(replyId);
    if (answered == ClientMessage.BodyCase.LEAVE_QUEUE && message.hasError() && phase == Phase.LEAVING_QUEUE) {
      joinQueue(); // not in a queue after all (the match may have been found meanwhile: then no error)
    }
    switch (message.getBodyCase()) {
      case STATE -> onState(message.getState());
      case LOGIN_OK -> {
        token = message.getLoginOk().getToken();
        resumeToken = message.getLoginOk().getResumeToken();
        playerId = message.getLoginOk().getPlayerId();
        joinQueue();
      }
      case RESUMED -> onResumed(message.getResumed());
      case QUEUED -> phase = phase == Phase.QUEUEING ? Phase.QUEUED : phase;
      case MATCH_FOUND -> onMatchFound(message.getMatchFound());
      case MATCH_END -> onMatchEnd(message.getMatchEnd().getRoomId());
      case QUEUE_LEFT -> {
        if (phase == Phase.LEAVING_QUEUE) {
          joinQueue();
        }
      }
      case PONG -> context.metrics().rtt.recordValue(
          Math.max(0, (System.nanoTime() - message.getPong().getClientTime()) / 1_000));
      case ERROR -> onError(message);
      default -> { }
    }
  }

  /**
   * The server refused the request with this id with UNAVAILABLE: true when it was the pending
   * request, which is then sent again after a backoff, or, after the last try, counted as refused
   * (and as an UNAVAILABLE error) and started over a little later, as a player pressing "try again".
   */
  private boolean onUnavailable(int replyId) {
    long now = System.nanoTime();
    ClientMessage body = request.body();
    switch (request.refused(replyId, now)) {
      case NOT_OURS -> {
        return false;
      }
      case RETRY_SCHEDULED -> context.metrics().requestsRetried.increment();
      case GIVEN_UP -> {
        context.metrics().requestsRefused.increment();
        context.metrics().error(ErrorCode.UNAVAILABLE.name());
        if (body.hasResume()) {
          lostSeat(); // no session, no seat: log in afresh
          body = ClientMessage.newBuilder()
              .setLogin(Login.newBuilder().setName("bot-" + index).setToken(token)).build();
          phase = Phase.LOGGING_IN;
        } else if (body.hasLeaveQueue()) {
          phase = Phase.QUEUED;
          queuedAt = now; // still queued as far as the bot knows: wait again
          return true;
        }
        startOver = body;
        startOverAt = now + AFTER_REFUSAL_NANOS;
      }
    }
    return true;
  }

  /**
   * An input that was on the wire when the match ended reaches a session that has left the match
   * and is refused with INVALID_STATE; no client can avoid that race, so it is counted apart.
   */
  private void onError(ServerMessage message) {
    ErrorCode code = message.getError().getCode();
    if (phase == Phase.RESUMING && (code == ErrorCode.RESUME_REJECTED || code == ErrorCode.RESUME_EXPIRED)) {
      context.metrics().resumeFailures.increment();
      lostSeat();
      login();
      return;
    }
    boolean lateInput = code == ErrorCode.INVALID_STATE && message.getRequestId() == 0
        && phase != Phase.IN_MATCH && System.nanoTime() - matchEndedAt < LATE_INPUT_WINDOW_NANOS;
    if (lateInput) {
      context.metrics().lateInputsRefused.increment();
    } else {
      context.metrics().error(code.name());
    }
  }

  /**
   * Back in the session: in the same match if the seat was still held, else queue again. A resume
   * without the seat while in a match is not yet a lost seat (see {@link BotMatches}).
   */
  private void onResumed(Resumed resumed) {
    context.metrics().resumed.increment();
    token = resumed.getLogin().getToken();
    resumeToken = resumed.getLogin().getResumeToken();
    long now = System.nanoTime();
    if (resumed.hasMatch() && resumed.getMatch().getRoomId().equals(matches.roomId())) {
      phase = Phase.IN_MATCH;
      play.resumed(droppedAt, reconnectedAt, now);
      return;
    }
    matches.resumedWithoutSeat(now);
    droppedAt = 0;
    play.stop();
    joinQueue();
  }

  /** The seat is gone for good (resume refused, or no session to resume): the match is lost. */
  private void lostSeat() {
    droppedAt = 0;
    play.stop();
    matches.seatLost();
  }

  /** The room fell silent: leave the match (counted as lost) and queue again. */
  private void giveUpMatch() {
    context.metrics().matchesGivenUp.increment();
    connection.send(ClientMessage.newBuilder().setRequestId(nextRequestId++)
        .setLeaveMatch(LeaveMatch.getDefaultInstance()).build());
    play.stop();
    matches.lose();
    joinQueue();
  }

  private void joinQueue() {
    phase = Phase.QUEUEING;
    queuedAt = System.nanoTime();
    sendRequest(ClientMessage.newBuilder().setJoinQueue(JoinQueue.newBuilder().setMode(context.settings().mode())).build());
  }

  /** Sends a request that waits for its answer and is retried when refused with UNAVAILABLE. */
  private void sendRequest(ClientMessage body) {
    int id = nextRequestId++;
    connection.send(body.toBuilder().setRequestId(id).build());
    request.sent(body, id, System.nanoTime());
  }

  private void onMatchFound(MatchFound found) {
    long now = System.nanoTime();
    context.metrics().queueWait.recordValue(Math.max(0, (now - queuedAt) / 1_000));
    matches.found(found.getRoomId());
    int mySlot = -1;
    for (PlayerInfo player : found.getPlayersList()) {
      if (player.getPlayerId().equals(found.getYourPlayerId())) {
        mySlot = player.getSlot();
      }
    }
    play.start(mySlot, found.getPlayersCount(), now);
    phase = Phase.IN_MATCH;
  }

  private void onState(State state) {
    String roomId = matches.roomId();
    if (phase == Phase.IN_MATCH && state.getRoomId().equals(roomId)) {
      play.onState(state, roomId, System.nanoTime());
    }
  }

  private void onMatchEnd(String endedRoom) {
    if (!matches.ended(endedRoom)) {
      return; // another room's, or one that ended while the bot was away (it has queued again)
    }
    matchEndedAt = System.nanoTime();
    play.stop();
    joinQueue();
  }

  private void pingIfDue(long now) {
    if (now - nextPingAt >= 0) {
      nextPingAt = now + context.pingPeriodNanos();
      connection.send(ClientMessage.newBuilder().setRequestId(nextRequestId++)
          .setPing(Ping.newBuilder().setClientTime(now)).build());
    }
  }

  @Override
  public String toString() {
    return "bot-" + index + (playerId == null ? "" : " (" + playerId + ")");
  }
}
