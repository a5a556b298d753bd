package dev.playfield.cluster;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.JoinQueue;
import dev.playfield.protocol.v1.LeaveMatch;
import dev.playfield.protocol.v1.Login;
import dev.playfield.protocol.v1.LoginOk;
import dev.playfield.protocol.v1.Resume;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.ProcessCluster;
import dev.playfield.support.TestClient;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A player for the chaos tests, on its own thread: logs in, queues, sits through the match (no
 * inputs: an idle arena player stands still), queues again, until told to finish. When its
 * connection drops it connects to the next node and resumes with its token, as a real client
 * does, and a request refused with UNAVAILABLE is sent again (5 tries, backoff 250 ms doubling,
 * with jitter). Everything that a player would notice as lost is written to {@link #problems}.
 */
final class ChaosBot implements Runnable {

  private static final int MAX_TRIES = 5;
  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final long STALL_NANOS = Duration.ofSeconds(20).toNanos();
  private static final long QUEUE_PATIENCE_NANOS = Duration.ofSeconds(45).toNanos();
  private static final long MATCH_END_AFTER_RESUME_NANOS = Duration.ofSeconds(3).toNanos();
  private static final Duration SLICE = Duration.ofMillis(250);

  private enum Phase { IDLE, QUEUED, IN_MATCH, AWAITING_END }

  /** The connection closed while the bot waited for something. */
  private static final class Dropped extends RuntimeException {
    Dropped() {
      super(null, null, false, false);
    }
  }

  private final Vertx vertx;
  private final ProcessCluster cluster;
  private final int index;
  private final Random random;
  private int node;
  private TestClient client;
  private String token = "";
  private String resumeToken = "";
  private Phase phase = Phase.IDLE;
  private String room;
  /** A MatchFound that arrived while the bot waited for something else (the reply to its JoinQueue). */
  private ServerMessage found;
  private long since;
  private volatile boolean finishing;
  private volatile boolean stopped;

  final Set<String> seated = ConcurrentHashMap.newKeySet();
  final Set<String> ended = ConcurrentHashMap.newKeySet();
  final List<String> problems = new CopyOnWriteArrayList<>();
  volatile long retried;
  volatile long resumes;

  ChaosBot(Vertx vertx, ProcessCluster cluster, int index, Random random) {
    this.vertx = vertx;
    this.cluster = cluster;
    this.index = index;
    this.random = random;
    this.node = index % cluster.size();
  }

  /** Queue no more: play the current match to its end, then stop. */
  void finishMatch() {
    finishing = true;
  }

  /** Stop now (the test is over). */
  void stop() {
    stopped = true;
  }

  @Override
  public void run() {
    try {
      while (!stopped && !(finishing && (phase == Phase.IDLE || phase == Phase.QUEUED))) {
        try {
          if (client == null) {
            connect();
            if (resumeToken.isEmpty()) {
              login();
            } else {
              resume();
            }
          }
          step();
        } catch (Dropped dropped) {
          closeClient();
        }
      }
    } catch (RuntimeException | AssertionError e) {
      problem("stopped by " + e);
    } finally {
      closeClient();
    }
  }

  private void step() {
    switch (phase) {
      case IDLE -> {
        ServerMessage answer = request(ClientMessage.newBuilder().setJoinQueue(JoinQueue.newBuilder().setMode("arena")),
            ServerMessage::hasQueued);
        if (answer.hasQueued() || answer.getError().getCode() == ErrorCode.ALREADY_QUEUED) {
          enter(Phase.QUEUED);
        } else if (answer.getError().getCode() != ErrorCode.UNAVAILABLE) {
          problem("joining the queue: " + answer.getError());
        }
      }
      case QUEUED -> {
        ServerMessage match = found != null ? found : poll(ServerMessage::hasMatchFound);
        found = null;
        if (match != null) {
          seat(match.getMatchFound().getRoomId());
        } else if (System.nanoTime() - since > QUEUE_PATIENCE_NANOS) {
          problem("waited " + QUEUE_PATIENCE_NANOS / 1_000_000_000 + " s in the queue without a match");
          enter(Phase.QUEUED);
        }
      }
      case IN_MATCH -> {
        ServerMessage next = poll(m -> m.hasMatchEnd() && m.getMatchEnd().getRoomId().equals(room)
            || m.hasState() && m.getState().getRoomId().equals(room));
        if (next != null && next.hasMatchEnd()) {
          ended.add(room);
          enter(Phase.IDLE);
        } else if (next != null) {
          since = System.nanoTime();
        } else if (System.nanoTime() - since > STALL_NANOS) {
          problem("match " + room + " lost: no state for " + STALL_NANOS / 1_000_000_000 + " s");
          client.send(ClientMessage.newBuilder().setLeaveMatch(LeaveMatch.getDefaultInstance()));
          enter(Phase.IDLE);
        }
      }
      case AWAITING_END -> {
        ServerMessage end = poll(m -> m.hasMatchEnd() && m.getMatchEnd().getRoomId().equals(room));
        if (end != null) {
          ended.add(room);
          enter(Phase.IDLE);
        } else if (System.nanoTime() - since > MATCH_END_AFTER_RESUME_NANOS) {
          problem("seat lost in " + room + ": resumed without the seat and no MatchEnd followed");
          enter(Phase.IDLE);
        }
      }
    }
  }

  private void seat(String roomId) {
    room = roomId;
    seated.add(roomId);
    enter(Phase.IN_MATCH);
  }

  private void enter(Phase next) {
    phase = next;
    since = System.nanoTime();
  }

  private void login() {
    ServerMessage answer = request(ClientMessage.newBuilder().setLogin(Login.newBuilder().setName("chaos-" + index)
        .setToken(token)), ServerMessage::hasLoginOk);
    if (!answer.hasLoginOk()) {
      problem("login: " + answer.getError());
      throw new Dropped();
    }
    loggedIn(answer.getLoginOk());
  }

  /** Takes the session back after a drop, and the seat if the bot was in a match. */
  private void resume() {
    ServerMessage answer = request(ClientMessage.newBuilder().setResume(Resume.newBuilder().setResumeToken(resumeToken)),
        ServerMessage::hasResumed);
    if (!answer.hasResumed()) {
      problem("resume refused" + (phase == Phase.IN_MATCH ? " (seat lost in " + room + ")" : "") + ": "
          + answer.getError());
      resumeToken = "";
      enter(Phase.IDLE);
      login();
      return;
    }
    resumes++;
    loggedIn(answer.getResumed().getLogin());
    boolean seatBack = answer.getResumed().hasMatch();
    String backIn = answer.getResumed().getMatch().getRoomId();
    if (phase == Phase.IN_MATCH || phase == Phase.AWAITING_END) {
      if (seatBack && backIn.equals(room)) {
        enter(Phase.IN_MATCH);
      } else {
        enter(Phase.AWAITING_END); // the match may have ended meanwhile: its MatchEnd follows
      }
    } else if (seatBack) {
      seat(backIn); // the match was found while the connection was down
    } else {
      enter(Phase.IDLE);
    }
  }

  private void loggedIn(LoginOk login) {
    token = login.getToken();
    resumeToken = login.getResumeToken();
  }

  /**
   * Sends a request and waits for its answer or error; an UNAVAILABLE is retried, and returned
   * (and written down as a problem) only after the last try. No answer within 10 s is a problem
   * too, and the bot drops the connection, as a real client would.
   */
  private ServerMessage request(ClientMessage.Builder message, Predicate<ServerMessage> answer) {
    for (int tries = 1; ; tries++) {
      int id = client.send(message);
      ServerMessage reply = await(m -> m.getRequestId() == id && (answer.test(m) || m.hasError()), ANSWER_TIMEOUT);
      if (reply == null) {
        problem("no answer within " + ANSWER_TIMEOUT + " to " + message.getBodyCase());
        throw new Dropped();
      }
      if (!reply.hasError() || reply.getError().getCode() != ErrorCode.UNAVAILABLE) {
        return reply;
      }
      if (tries == MAX_TRIES) {
        problem(message.getBodyCase() + " refused on every try: " + reply.getError().getMessage());
        return reply;
      }
      retried++;
      pause((long) (250L * (1L << (tries - 1)) * (0.5 + random.nextDouble())));
    }
  }

  /** The next matching message within a short slice, or null; throws {@link Dropped} once the connection is gone. */
  private ServerMessage poll(Predicate<ServerMessage> wanted) {
    return await(wanted, SLICE);
  }

  private ServerMessage await(Predicate<ServerMessage> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!stopped) {
      try {
        ServerMessage next = client.await(m -> wanted.test(m) || m.hasMatchFound(), SLICE);
        if (wanted.test(next)) {
          return next;
        }
        found = next;
      } catch (AssertionError nothingYet) {
        if (client.isClosed()) {
          throw new Dropped();
        }
        if (System.nanoTime() - deadline >= 0) {
          return null;
        }
      }
    }
    throw new Dropped();
  }

  /** Connects to a node, the next one after each failure (a dead or restarting node refuses). */
  private void connect() {
    for (int attempt = 0; attempt < 120 && !stopped; attempt++) {
      try {
        client = TestClient.connect(vertx, cluster.httpPort(node), index % 2 == 0);
        return;
      } catch (RuntimeException refused) {
        node = (node + 1) % cluster.size();
        pause(250);
      }
    }
    throw new IllegalStateException("no node took a connection for 30 s");
  }

  private void closeClient() {
    found = null;
    if (client != null) {
      TestClient old = client;
      client = null;
      node = (node + 1) % cluster.size(); // the node may be going away: come back through another
      try {
        old.close();
      } catch (RuntimeException alreadyGone) {
        // closed by the server or the kill
      }
    }
  }

  private void problem(String what) {
    problems.add(this + ": " + what);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted");
    }
  }

  @Override
  public String toString() {
    return "chaos-" + index;
  }
}
