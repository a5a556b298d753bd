package dev.playfield.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.BusFailure;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.LeaveQueue;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.support.TestClient;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Queue requests while the matchmaker role moves between nodes: held and retried, answered
 * UNAVAILABLE only when the hand-over time is up, and leaving a queue always works.
 */
@ExtendWith(VertxExtension.class)
class MatchmakerHandOverTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private Vertx vertx;
  private SteppedGateway gateway;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    gateway = SteppedGateway.start(vertx, c -> c);
  }

  private TestClient client() {
    return TestClient.connect(vertx, gateway.port(), true);
  }

  private void awaitRetried(double before) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (gateway.remoteFailures("matchmaker", BusFailure.NO_HANDLER) <= before) {
      assertThat(System.nanoTime()).as("the request was retried").isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  @Test
  void aJoinQueueDuringAMatchmakerHandOverIsRetriedNotRefused() throws Exception {
    try (TestClient ann = client()) {
      ann.login("ann");
      gateway.matchmakerGone(vertx);
      double before = gateway.remoteFailures("matchmaker", BusFailure.NO_HANDLER);
      ann.joinQueue("arena");
      awaitRetried(before + 1); // at least two attempts found nobody there

      gateway.leadership.set(true); // the new leader takes the role
      ServerMessage answer = ann.await(m -> m.hasQueued() || m.hasError(), WAIT);
      assertThat(answer.hasQueued()).as("queued, not refused: %s", answer).isTrue();
      assertThat(answer.getQueued().getMode()).isEqualTo("arena");
    }
  }

  @Test
  void aJoinQueueIsRefusedUnavailableOnlyWhenTheHandOverTimeIsUp() throws Exception {
    try (TestClient ann = client()) {
      ann.login("ann");
      gateway.matchmakerGone(vertx);
      double before = gateway.remoteFailures("matchmaker", BusFailure.NO_HANDLER);
      int requestId = ann.send(ClientMessage.newBuilder().setJoinQueue(
          dev.playfield.protocol.v1.JoinQueue.newBuilder().setMode("arena")));
      awaitRetried(before);

      AtomicReference<ServerMessage> answer = new AtomicReference<>();
      gateway.clock.advance(Duration.ofMillis(QueueRequests.MATCHMAKER_HAND_OVER.budgetMs() - 1_000));
      assertThat(pollAnswer(ann, Duration.ofMillis(300))).as("still held within the hand-over time").isNull();
      gateway.stepUntil(() -> answer.updateAndGet(a -> a != null ? a : pollAnswer(ann, Duration.ofMillis(10))) != null, 500);
      assertThat(answer.get().getRequestId()).isEqualTo(requestId);
      assertThat(answer.get().getError().getCode()).isEqualTo(ErrorCode.UNAVAILABLE);
      assertThat(answer.get().getError().getMessage()).contains("no_handler");

      // The player is not stuck in the queue: a new join goes through once the matchmaker is back.
      gateway.leadership.set(true);
      ann.joinQueue("arena");
      ann.await(ServerMessage::hasQueued, WAIT);
    }
  }

  @Test
  void leaveQueueWhenTheMatchmakerIsGoneStillLeaves() throws Exception {
    try (TestClient ann = client()) {
      ann.login("ann");
      ann.joinQueue("arena");
      ann.await(ServerMessage::hasQueued, WAIT);
      gateway.matchmakerGone(vertx);

      int requestId = ann.send(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()));
      AtomicReference<ServerMessage> answer = new AtomicReference<>();
      gateway.stepUntil(() -> answer.updateAndGet(a -> a != null ? a : pollAnswer(ann, Duration.ofMillis(10))) != null, 500);
      assertThat(answer.get().hasQueueLeft()).as("left: %s", answer.get()).isTrue();
      assertThat(answer.get().getRequestId()).isEqualTo(requestId);
      assertThat(answer.get().getQueueLeft().getMode()).isEqualTo("arena");
      // Out of the queue for the gateway: leaving again is "not in a queue", not a second QueueLeft.
      ann.send(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()));
      assertThat(ann.awaitError(ErrorCode.INVALID_STATE).getError().getMessage()).contains("not waiting");
    }
  }

  @Test
  void aJoinAfterALeaveTheMatchmakerNeverHeardIsQueuedNotRefused() throws Exception {
    try (TestClient ann = client()) {
      ann.login("ann");
      ann.joinQueue("arena");
      ann.await(ServerMessage::hasQueued, WAIT);
      gateway.matchmakerGone(vertx);
      ann.send(ClientMessage.newBuilder().setLeaveQueue(LeaveQueue.getDefaultInstance()));
      AtomicReference<ServerMessage> left = new AtomicReference<>();
      gateway.stepUntil(() -> left.updateAndGet(a -> a != null ? a : pollAnswer(ann, Duration.ofMillis(10))) != null, 500);
      assertThat(left.get().hasQueueLeft()).isTrue();

      // The next leader restores the ticket the leave never reached; joining again must not be
      // refused with ALREADY_QUEUED, or the player could never queue.
      gateway.leadership.set(true);
      ann.joinQueue("arena");
      ServerMessage answer = ann.await(m -> m.hasQueued() || m.hasError(), WAIT);
      assertThat(answer.hasQueued()).as("queued: %s", answer).isTrue();
    }
  }

  /** The next reply to a request (queued, queue left or an error), or null if none came in time. */
  private static ServerMessage pollAnswer(TestClient client, Duration wait) {
    try {
      return client.await(m -> m.hasQueued() || m.hasQueueLeft() || m.hasError(), wait);
    } catch (AssertionError none) {
      return null;
    }
  }
}
