package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.JoinQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetriedRequestTest {

  private static final long SECOND = 1_000_000_000L;
  private static final ClientMessage JOIN = ClientMessage.newBuilder()
      .setJoinQueue(JoinQueue.newBuilder().setMode("arena")).build();

  @Test
  void backoffDoublesPerTryWithinHalfAndOneAndAHalfTimes() {
    RetriedRequest request = new RetriedRequest(new SplittableRandom(3));
    for (int tries = 1; tries < RetriedRequest.MAX_TRIES; tries++) {
      long nominal = RetriedRequest.FIRST_BACKOFF_NANOS << (tries - 1);
      for (int i = 0; i < 100; i++) {
        assertThat(request.backoffNanos(tries)).isBetween(nominal / 2, nominal * 3 / 2);
      }
    }
  }

  @Test
  void aRefusalSchedulesARetryUntilTheLastTryThenGivesUp() {
    RetriedRequest request = new RetriedRequest(new SplittableRandom(3));
    request.sent(JOIN, 1, 0);
    long now = 0;
    int id = 1;
    for (int tries = 1; tries < RetriedRequest.MAX_TRIES; tries++) {
      assertThat(request.refused(id, now)).isEqualTo(RetriedRequest.Refusal.RETRY_SCHEDULED);
      assertThat(request.due(now)).as("not before the backoff").isNull();
      assertThat(request.refused(id, now)).as("a second refusal of the same try is not counted").isEqualTo(RetriedRequest.Refusal.NOT_OURS);
      now += 10 * SECOND;
      assertThat(request.due(now)).isEqualTo(JOIN);
      request.resent(++id, now);
    }
    assertThat(request.refused(id - 1, now)).as("an older try's id").isEqualTo(RetriedRequest.Refusal.NOT_OURS);
    assertThat(request.refused(id, now)).isEqualTo(RetriedRequest.Refusal.GIVEN_UP);
    assertThat(request.pending()).isFalse();
  }

  @Test
  void anAnswerEndsTheRequestAndSilenceTimesItOut() {
    RetriedRequest request = new RetriedRequest(new SplittableRandom(3));
    request.sent(JOIN, 7, 0);
    assertThat(request.answered(6)).isNull();
    assertThat(request.timedOut(RetriedRequest.ANSWER_TIMEOUT_NANOS)).isFalse();
    assertThat(request.timedOut(RetriedRequest.ANSWER_TIMEOUT_NANOS + 1)).isTrue();
    assertThat(request.answered(7)).isEqualTo(ClientMessage.BodyCase.JOIN_QUEUE);
    assertThat(request.pending()).isFalse();
    assertThat(request.timedOut(100 * SECOND)).isFalse();
  }
}
