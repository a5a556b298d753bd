package dev.playfield.sim;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.LeaveMatch;
import dev.playfield.protocol.v1.LeaveQueue;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.MatchFound;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.Resume;
import dev.playfield.protocol.v1.Resumed;
import dev.playfield.protocol.v1.PlayerInfo;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import java.util.SplittableRandom;

/**
 * One simulated player: connects, logs in, queues, plays the match, queues again, until told to
 * leave. Every method runs on the event loop of the driver that owns the bot; the driver calls
 * {@link #service} on its schedule, so a bot has no timer of its own.
 *
 * <p>As a real client would, it sends a request the server refused with {@code UNAVAILABLE} again
 * (bounded, see {@link RetriedRequest}), takes its seat back after a dropped connection, counts a
 * match whose {@code MatchEnd} follows a resume without the seat as completed, and gives a match
 * up when its room falls silent for {@link #STALL_NANOS}.
 */
final class Bot {

  enum Phase { OFFLINE, CONNECTING, LOGGING_IN, RESUMING, QUEUEING, QUEUED, LEAVING_QUEUE, IN_MATCH, LEFT }

  /** Sent inputs remembered for acknowledgement; older unacknowledged ones are not timed. */
  private static final int ACK_WINDOW = 64;
  private static final long RECONNECT_DELAY_NANOS = 1_000_000_000L;
  /** After a drop the bot comes back quickly, to take its seat back within the grace window. */
  private static final long RESUME_DELAY_NANOS = 200_000_000L;
  private static final long LATE_INPUT_WINDOW_NANOS = 1_000_000_000L;
  /** A match with no state for this long is lost (its room is gone): the bot leaves it. */
  static final long STALL_NANOS = 20_000_000_000L;
  /** A queue wait this long is abandoned: the bot leaves the queue and joins again. */
  static final long QUEUE_PATIENCE_NANOS = 30_000_000_000L;
  /** After a request was refused on every try, the bot waits this long and starts it over. */
  private static final long AFTER_REFUSAL_NANOS = 3_000_000_000L;

  private final int index;
  private final BotContext context;
  private final java.util.List<String> urls;
  private int urlIndex;
  private final Behavior behavior;
  private final Behavior.Steering steering = new Behavior.Steering();
  private final long[] sentAt = new long[ACK_WINDOW];
  private final RetriedRequest request;

  private volatile Phase phase = Phase.OFFLINE;
  private WebSocket socket;
  private boolean closingOnPurpose;
  private String token = "";
  private String resumeToken = "";
  /** When the connection dropped (0: not resuming); the next connection sends Resume. */
  private long droppedAt;
  private long reconnectedAt;
  private boolean awaitingStateAfterResume;
  private int nextRequestId = 1;
  private long nextConnectAt;
  private long nextInputAt;
  private long nextPingAt;
  private long queuedAt;
  private long matchEndedAt;
  /** A request refused on every try, started over at {@link #startOverAt} (0: none). */
  private ClientMessage startOver;
  private long startOverAt;

  private final BotMatches matches;
  private String playerId;
  private int mySlot;
  private boolean running;
  private int seq;
  private int lastAcked;
  private long lastStateAt;
  /** The last sign of life of the match: found, resumed, or a state. */
  private long matchProgressAt;
  private float lastDx = Float.NaN;
  private float lastDy = Float.NaN;
  private Any lastInput;

  /** @param urls the nodes this bot may use, its own first; after a drop it tries the next one */
  Bot(int index, BotContext context, java.util.List<String> urls, Behavior behavior) {
    this.index = index;
    this.context = context;
    this.behavior = behavior;
    this.urls = java.util.List.copyOf(urls);
    this.matches = new BotMatches(context.metrics());
    this.request = new RetriedRequest(new SplittableRandom(context.settings().seed() * 1_000_003L + index));
  }

  private WebSocketConnectOptions connectOptions() {
    return new WebSocketConnectOptions()
        .setAbsoluteURI(urls.get(urlIndex % urls.size()))
        .addSubProtocol(context.settings().encoding().subprotocol())
        .setConnectTimeout(10_000);
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
    if (socket != null && phase != Phase.CONNECTING) {
      serviceRequest(now);
    }
    switch (phase) {
      case OFFLINE -> {
        if (now - nextConnectAt >= 0) {
          connect(now);
        }
      }
      case IN_MATCH -> {
        if (running && now - nextInputAt >= 0) {
          sendInput(now);
          nextInputAt += context.inputPeriodNanos();
          if (now - nextInputAt >= 0) {
            nextInputAt = now + context.inputPeriodNanos(); // fell behind: no burst to catch up
          }
        }
        if (now - matchProgressAt > STALL_NANOS) {
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
      send(retry.toBuilder().setRequestId(id).build());
      request.resent(id, now);
    } else if (request.timedOut(now)) {
      context.metrics().requestsUnanswered.increment();
      closingOnPurpose = true;
      socket.close((short) 1000, "no answer");
      socket = null;
      dropped(now);
      urlIndex++;
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
    if (socket == null || phase == Phase.OFFLINE || phase == Phase.CONNECTING || phase == Phase.LEFT) {
      return;
    }
    context.metrics().churned.increment();
    closingOnPurpose = true;
    socket.close((short) 1000, "churn");
    socket = null;
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
    running = false;
    phase = Phase.OFFLINE;
  }

  /** The run is over: mark an open match as such and close the connection normally. */
  void leave() {
    matches.runOver();
    phase = Phase.LEFT;
    if (socket != null) {
      closingOnPurpose = true;
      socket.close((short) 1000, "simulation over");
    }
  }

  boolean closed() {
    return socket == null || socket.isClosed();
  }

  private void connect(long now) {
    phase = Phase.CONNECTING;
    closingOnPurpose = false;
    context.client().connect(connectOptions()).onComplete(done -> {
      if (phase == Phase.LEFT) {
        if (done.succeeded()) {
          done.result().close();
        }
        return;
      }
      if (done.failed()) {
        context.metrics().connectFailures.increment();
        urlIndex++; // that node may be gone: the next try goes to another
        phase = Phase.OFFLINE;
        nextConnectAt = System.nanoTime() + RECONNECT_DELAY_NANOS;
        return;
      }
      opened(done.result());
    });
  }

  private void opened(WebSocket ws) {
    socket = ws;
    if (context.settings().encoding() == Encoding.BINARY) {
      ws.binaryMessageHandler(this::onBinary);
    } else {
      ws.textMessageHandler(this::onText);
    }
    ws.exceptionHandler(cause -> { });
    ws.closeHandler(v -> onClosed(ws));
    nextPingAt = System.nanoTime() + context.pingPeriodNanos() * (index % 16) / 16;
    if (droppedAt != 0) {
      reconnectedAt = System.nanoTime();
      phase = Phase.RESUMING;
      sendRequest(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(resumeToken)).build());
    } else {
      login();
    }
  }

  private void login() {
    phase = Phase.LOGGING_IN;
    sendRequest(ClientMessage.newBuilder()
        .setLogin(Login.newBuilder().setName("bot-" + index).setToken(token)).build());
  }

  private void onClosed(WebSocket ws) {
    if (ws != socket) {
      return; // an earlier connection, closed on purpose
    }
    socket = null;
    if (closingOnPurpose || phase == Phase.LEFT) {
      return;
    }
    context.metrics().disconnect(ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
    long now = System.nanoTime();
    dropped(now);
    urlIndex++; // the node may be going away: come back through another
    nextConnectAt = now + (droppedAt != 0 ? RESUME_DELAY_NANOS : RECONNECT_DELAY_NANOS);
  }

  private void onBinary(Buffer payload) {
    context.metrics().bytesIn.add(payload.length());
    try {
      onMessage(ClientWire.Binary.decode(payload));
    } catch (InvalidProtocolBufferException e) {
      context.metrics().undecodable.increment();
    }
  }

  private void onText(String text) {
    context.metrics().bytesIn.add(text.length());
    try {
      onMessage(((ClientWire.Json) context.wire()).decode(text));
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      context.metrics().undecodable.increment();
    }
  }

  private void onMessage(ServerMessage message) {
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
    boolean lateInput = message.getError().getCode() == ErrorCode.INVALID_STATE && message.getRequestId() == 0
        && phase != Phase.IN_MATCH && System.nanoTime() - matchEndedAt < LATE_INPUT_WINDOW_NANOS;
    if (lateInput) {
      context.metrics().lateInputsRefused.increment();
    } else {
      context.metrics().error(message.getError().getCode().name());
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
      awaitingStateAfterResume = true;
      matchProgressAt = now;
      return;
    }
    matches.resumedWithoutSeat(now);
    droppedAt = 0;
    running = false;
    joinQueue();
  }

  /** The seat is gone for good (resume refused, or no session to resume): the match is lost. */
  private void lostSeat() {
    droppedAt = 0;
    running = false;
    matches.seatLost();
  }

  /** The room fell silent: leave the match (counted as lost) and queue again. */
  private void giveUpMatch() {
    context.metrics().matchesGivenUp.increment();
    send(ClientMessage.newBuilder().setRequestId(nextRequestId++).setLeaveMatch(LeaveMatch.getDefaultInstance()).build());
    running = false;
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
    send(body.toBuilder().setRequestId(id).build());
    request.sent(body, id, System.nanoTime());
  }

  private void onMatchFound(MatchFound found) {
    context.metrics().queueWait.recordValue(Math.max(0, (System.nanoTime() - queuedAt) / 1_000));
    matches.found(found.getRoomId());
    matchProgressAt = System.nanoTime();
    mySlot = -1;
    for (PlayerInfo player : found.getPlayersList()) {
      if (player.getPlayerId().equals(found.getYourPlayerId())) {
        mySlot = player.getSlot();
      }
    }
    running = false;
    seq = 0;
    lastAcked = 0;
    lastStateAt = 0;
    behavior.reset();
    phase = Phase.IN_MATCH;
  }

  private void onState(State state) {
    String roomId = matches.roomId();
    if (phase != Phase.IN_MATCH || !state.getRoomId().equals(roomId)) {
      return;
    }
    Metrics metrics = context.metrics();
    metrics.statesReceived.increment();
    long now = System.nanoTime();
    if (lastStateAt != 0) {
      metrics.stateInterarrival.recordValue((now - lastStateAt) / 1_000);
    }
    if (awaitingStateAfterResume) {
      awaitingStateAfterResume = false;
      metrics.resumePause((now - droppedAt) / 1_000);
      metrics.resumeAfterReconnect((now - reconnectedAt) / 1_000);
      droppedAt = 0;
    } else if (lastStateAt != 0) {
      metrics.roomGap(roomId, (now - lastStateAt) / 1_000);
    }
    lastStateAt = now;
    matchProgressAt = now;
    int applied = state.getLastInputSeq();
    if (applied > lastAcked) {
      for (int s = Math.max(lastAcked + 1, seq - ACK_WINDOW + 1); s <= Math.min(applied, seq); s++) {
        metrics.ackLatency.recordValue(Math.max(0, (now - sentAt[s % ACK_WINDOW]) / 1_000));
        metrics.acksReceived.increment();
      }
      lastAcked = applied;
    }
    if (state.getPhase() == RoomPhase.ROOM_PHASE_FINISHED) {
      running = false; // the game is over: inputs now would only be refused
    } else if (!running && state.getPhase() == RoomPhase.ROOM_PHASE_RUNNING) {
      running = true;
      nextInputAt = now + (long) (context.inputPeriodNanos() * ((index * 0.618034) % 1.0));
    }
    if (behavior.readsState() && state.getGame().is(ArenaState.class)) {
      try {
        behavior.observe(state.getGame().unpack(ArenaState.class), mySlot);
      } catch (InvalidProtocolBufferException e) {
        metrics.undecodable.increment();
      }
    }
  }

  private void onMatchEnd(String endedRoom) {
    if (!matches.ended(endedRoom)) {
      return; // another room's, or one that ended while the bot was away (it has queued again)
    }
    matchEndedAt = System.nanoTime();
    running = false;
    joinQueue();
  }

  private void sendInput(long now) {
    behavior.steer(steering, now);
    if (steering.dx != lastDx || steering.dy != lastDy || lastInput == null) {
      lastDx = steering.dx;
      lastDy = steering.dy;
      lastInput = Any.pack(ArenaInput.newBuilder().setDx(lastDx).setDy(lastDy).build());
    }
    seq++;
    sentAt[seq % ACK_WINDOW] = now;
    send(ClientMessage.newBuilder().setInput(Input.newBuilder().setSeq(seq).setGame(lastInput)).build());
    context.metrics().inputsSent.increment();
  }

  private void pingIfDue(long now) {
    if (now - nextPingAt >= 0) {
      nextPingAt = now + context.pingPeriodNanos();
      send(ClientMessage.newBuilder().setRequestId(nextRequestId++)
          .setPing(Ping.newBuilder().setClientTime(now)).build());
    }
  }

  private void send(ClientMessage message) {
    if (socket == null) {
      return;
    }
    int bytes = context.wire().send(socket, message);
    context.metrics().messagesOut.increment();
    context.metrics().bytesOut.add(bytes);
  }

  @Override
  public String toString() {
    return "bot-" + index + (playerId == null ? "" : " (" + playerId + ")");
  }
}
