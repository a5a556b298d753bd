package dev.playfield.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.Addresses;
import dev.playfield.protocol.internal.CancelTicket;
import dev.playfield.support.TestCluster;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two real clustered nodes in one JVM: the singletons move when a drain starts, not when the node exits. */
class LeadershipHandOverTest {

  /** The gateway holds a matchmaker request through NO_HANDLER / TIMEOUT for up to 10 s; the hand-over must fit well inside. */
  private static final Duration HAND_OVER_BUDGET = Duration.ofSeconds(3);

  private TestCluster cluster;

  @AfterEach
  void tearDown() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aDrainingLeaderHandsTheMatchmakerOverAtOnce() throws Exception {
    cluster = new TestCluster(2);
    TestCluster.Member leader = cluster.start();
    TestCluster.Member next = cluster.start();
    assertThat(leader.node().leads()).isTrue();
    assertThat(next.node().leads()).isFalse();
    // The next node learns of the leader's address a moment after it joined.
    long joined = System.nanoTime();
    while (!answersOnTheMatchmaker(next) && System.nanoTime() - joined < Duration.ofSeconds(5).toNanos()) {
      Thread.sleep(50);
    }
    assertThat(answersOnTheMatchmaker(next)).as("the oldest member's matchmaker answers before the drain").isTrue();

    long drainStarted = System.nanoTime();
    Future<Void> drained = leader.node().drain();
    // The old leader resigns only after its matchmaker has let go of the address, so once it no
    // longer leads, an answer can only come from the next node's matchmaker.
    long answeredAfterNanos = -1;
    while (System.nanoTime() - drainStarted < HAND_OVER_BUDGET.toNanos() * 3) {
      if (!leader.node().leads() && next.node().leads() && answersOnTheMatchmaker(next)) {
        answeredAfterNanos = System.nanoTime() - drainStarted;
        break;
      }
      Thread.sleep(20);
    }
    assertThat(answeredAfterNanos).as("the next node's matchmaker answered").isPositive();
    assertThat(Duration.ofNanos(answeredAfterNanos)).as("time from drain start to the new matchmaker's answer")
        .isLessThan(HAND_OVER_BUDGET);
    System.out.printf("matchmaker handed over %d ms after the drain started%n", answeredAfterNanos / 1_000_000);
    drained.await(30, TimeUnit.SECONDS);
    assertThat(Duration.ofNanos(System.nanoTime() - drainStarted)).as("a node with no room and no player drains at once")
        .isLessThan(Duration.ofSeconds(5));
  }

  private static boolean answersOnTheMatchmaker(TestCluster.Member member) {
    try {
      member.vertx().eventBus().request(Addresses.MATCHMAKER, CancelTicket.newBuilder().setPlayerId("probe").build(),
          new DeliveryOptions().setSendTimeout(500)).await(2, TimeUnit.SECONDS);
      return true;
    } catch (Exception refused) {
      System.out.println("matchmaker probe: " + refused);
      return false;
    }
  }
}
