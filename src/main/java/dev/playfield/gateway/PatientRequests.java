package dev.playfield.gateway;

import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.BusFailure;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event-bus requests that ride out a hand-over. A request that finds nobody at the address
 * ({@link BusFailure#NO_HANDLER}) or no answer in time ({@link BusFailure#TIMEOUT}) is sent again
 * with a growing pause until the policy's time is up; a refusal or any other failure ends it at
 * once. Every failed attempt is counted by target and cause. Stateless; call from any thread (the
 * result completes on the caller's context, or an event loop for retries).
 */
final class PatientRequests {

  /**
   * How long to keep trying and how: the whole budget, the first pause (doubled after each failed
   * attempt up to the largest), and how long one attempt waits for its answer.
   */
  record Policy(long budgetMs, long firstPauseMs, long maxPauseMs, long attemptTimeoutMs) {}

  /** Why a request gave up: the last failure, named. */
  static final class GaveUp extends RuntimeException {
    final BusFailure failure;
    final Throwable last;

    GaveUp(String target, BusFailure failure, Throwable last) {
      // A refusal's own text is for the client; the others name what failed and how.
      super(failure == BusFailure.REFUSED ? last.getMessage() : target + " " + failure.label() + ": " + last.getMessage(),
          null, false, false);
      this.failure = failure;
      this.last = last;
    }
  }

  private static final Logger log = LoggerFactory.getLogger(PatientRequests.class);

  private final Vertx vertx;
  private final PlayfieldMetrics metrics;
  private final Clock clock;

  PatientRequests(Vertx vertx, PlayfieldMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Sends {@code body} to {@code address} until it is answered or the policy's time is up; fails
   * with {@link GaveUp}. {@code target} names what is asked, in logs and metrics.
   */
  <T> Future<Message<T>> request(String address, Object body, String target, Policy policy) {
    Promise<Message<T>> result = Promise.promise();
    attempt(address, body, target, policy, clock.millis() + policy.budgetMs(), policy.firstPauseMs(), result);
    return result.future();
  }

  private <T> void attempt(String address, Object body, String target, Policy policy, long giveUpAtMs,
      long pauseMs, Promise<Message<T>> result) {
    long left = giveUpAtMs - clock.millis();
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(Math.max(50, Math.min(policy.attemptTimeoutMs(), left)));
    vertx.eventBus().<T>request(address, body, options).onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result());
        return;
      }
      BusFailure failure = BusFailure.of(done.cause());
      if (failure != BusFailure.REFUSED) {
        // A refusal is an answer (its code goes to the client); the others are the remote's failures.
        metrics.remoteFailure(target, failure);
      }
      if (failure.retryable() && clock.millis() + pauseMs < giveUpAtMs) {
        log.debug("{} {}: trying again in {} ms", target, failure.label(), pauseMs);
        vertx.setTimer(pauseMs, id -> attempt(address, body, target, policy, giveUpAtMs,
            Math.min(policy.maxPauseMs(), pauseMs * 2), result));
        return;
      }
      if (failure.retryable()) {
        log.warn("{} {} for {} ms: giving up ({})", target, failure.label(), policy.budgetMs(), done.cause().getMessage());
      }
      result.fail(new GaveUp(target, failure, done.cause()));
    });
  }
}
