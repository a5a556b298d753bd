package dev.playfield.events;

import dev.playfield.cluster.Leadership;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link EventRelay} on one event loop: a pass after another, straight away while full
 * batches go out, else after the poll interval; only while this node leads the cluster, so that one
 * node publishes at a time (a node that stops leading finishes its pass, and the next leader may
 * deliver again what was in flight: at least once). Refreshes the outbox-depth gauge on every node.
 */
final class EventPublisherVerticle extends VerticleBase {

  private static final Logger log = LoggerFactory.getLogger(EventPublisherVerticle.class);
  private static final long DEPTH_EVERY_MS = 1_000;

  private final EventRelay relay;
  private final Outbox outbox;
  private final Leadership leadership;
  private final EventMetrics metrics;
  private final long pollIntervalMs;
  private final Backoff outboxBackoff;
  private int outboxFailuresInARow;
  private long depthTimer = -1;
  private long passTimer = -1;
  private boolean stopping;
  private Future<?> lastPass = Future.succeededFuture();

  EventPublisherVerticle(EventRelay relay, Outbox outbox, Leadership leadership, EventMetrics metrics,
      long pollIntervalMs, Backoff outboxBackoff) {
    this.relay = relay;
    this.outbox = outbox;
    this.leadership = leadership;
    this.metrics = metrics;
    this.pollIntervalMs = pollIntervalMs;
    this.outboxBackoff = outboxBackoff;
  }

  @Override
  public Future<?> start() {
    depthTimer = vertx.setPeriodic(1, DEPTH_EVERY_MS, t -> refreshDepth());
    schedulePass(0);
    return Future.succeededFuture();
  }

  private void schedulePass(long delayMs) {
    if (!stopping) {
      passTimer = vertx.setTimer(Math.max(1, delayMs), t -> runPass());
    }
  }

  private void runPass() {
    if (!leadership.isLeader()) {
      schedulePass(pollIntervalMs);
      return;
    }
    lastPass = relay.pass().onComplete(done -> {
      if (done.succeeded()) {
        outboxFailuresInARow = 0;
        schedulePass(done.result().full(relay.batchSize()) ? 0 : pollIntervalMs);
      } else {
        outboxFailuresInARow++;
        long wait = outboxBackoff.delayMs(outboxFailuresInARow, ThreadLocalRandom.current());
        log.warn("events: the outbox failed ({} in a row), next pass in {} ms: {}", outboxFailuresInARow, wait,
            done.cause().getMessage());
        schedulePass(wait);
      }
    });
  }

  private void refreshDepth() {
    outbox.depth().onSuccess(metrics::outboxDepth)
        .onFailure(cause -> log.debug("events: outbox depth unknown: {}", cause.getMessage()));
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(depthTimer);
    vertx.cancelTimer(passTimer);
    // A pass under way finishes first, so that what it delivered is marked published.
    return lastPass.transform(done -> relay.close());
  }
}
