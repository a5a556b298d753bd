package dev.playfield.sim;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs one share of the bots on one event loop with a single periodic timer: each pass connects
 * the bots whose ramp slot has come, sends the inputs and pings that are due, and drops a few
 * connections when churn is asked for. No bot has a timer of its own, so a thousand bots cost one
 * timer, and inputs spread over the period because each bot's first input has its own offset.
 */
final class BotDriver extends VerticleBase {

  /** How often the driver walks its bots; a bot's input is late by at most this. */
  static final long PASS_MILLIS = 2;

  private final List<Bot> bots;
  private final long startNanos;
  private final double churnPerSecond;
  private final SplittableRandom random;
  private long timerId;
  private long lastPass;
  private double churnDue;
  private boolean stopped;

  /**
   * @param bots the bots this driver owns, already created; started one by one from {@code startNanos}
   * @param churnPerSecond connections this driver drops per second on purpose
   */
  BotDriver(List<Bot> bots, long startNanos, double churnPerSecond, long seed) {
    this.bots = bots;
    this.startNanos = startNanos;
    this.churnPerSecond = churnPerSecond;
    this.random = new SplittableRandom(seed);
  }

  @Override
  public Future<?> start() {
    lastPass = System.nanoTime();
    timerId = vertx.setPeriodic(PASS_MILLIS, id -> pass());
    return Future.succeededFuture();
  }

  private void pass() {
    if (stopped) {
      return;
    }
    long now = System.nanoTime();
    if (now - startNanos < 0) {
      return;
    }
    for (Bot bot : bots) {
      bot.service(now);
    }
    if (churnPerSecond > 0) {
      churnDue += churnPerSecond * (now - lastPass) / 1e9;
      while (churnDue >= 1) {
        churnDue -= 1;
        bots.get(random.nextInt(bots.size())).churn(now);
      }
    }
    lastPass = now;
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timerId);
    return Future.succeededFuture();
  }

  /** Stops the timer and lets every bot leave cleanly, on this driver's event loop. */
  Future<Void> finish() {
    Promise<Void> left = Promise.promise();
    context.runOnContext(x -> {
      stopped = true;
      vertx.cancelTimer(timerId);
      bots.forEach(Bot::leave);
      left.complete();
    });
    return left.future();
  }

  boolean allClosed() {
    return bots.stream().allMatch(Bot::closed);
  }
}
