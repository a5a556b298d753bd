package dev.playfield.events;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * What one sink has delivered of the events not yet marked published, and when it may be tried
 * again after failures. Delivered events are remembered one by one rather than as a high-water
 * mark: an outbox row can become visible after a later one (two transactions committing out of
 * sequence order), and a mark would skip it. Not thread-safe: the publisher's event loop owns it.
 */
final class SinkProgress {

  private final EventSink sink;
  private final Set<Long> delivered = new HashSet<>();
  private int failuresInARow;
  private long nextAttemptAtMs;

  SinkProgress(EventSink sink) {
    this.sink = sink;
  }

  EventSink sink() {
    return sink;
  }

  /** Whether the backoff after the last failure, if any, is over. */
  boolean due(long nowMs) {
    return nowMs >= nextAttemptAtMs;
  }

  /** The events of {@code batch} this sink still has to deliver, in the batch's order. */
  List<OutboxEvent> undelivered(List<OutboxEvent> batch) {
    List<OutboxEvent> left = new ArrayList<>();
    for (OutboxEvent event : batch) {
      if (!delivered.contains(event.seq())) {
        left.add(event);
      }
    }
    return left;
  }

  boolean hasDelivered(long seq) {
    return delivered.contains(seq);
  }

  void delivered(List<OutboxEvent> events) {
    events.forEach(event -> delivered.add(event.seq()));
    if (!events.isEmpty()) {
      failuresInARow = 0;
      nextAttemptAtMs = 0;
    }
  }

  /** Puts the sink off for the backoff of one more failure in a row; returns the wait. */
  long failed(long nowMs, Backoff backoff, RandomGenerator random) {
    failuresInARow++;
    long wait = backoff.delayMs(failuresInARow, random);
    nextAttemptAtMs = nowMs + wait;
    return wait;
  }

  int failuresInARow() {
    return failuresInARow;
  }

  /** The outbox marked these published: pending() will not return them again. */
  void forget(Collection<Long> seqs) {
    delivered.removeAll(seqs);
  }

  /**
   * Forgets what is no longer pending, which keeps the memory to one batch. An event another node
   * marked published is gone for good; one that slipped out of the batch behind older rows that
   * became visible late is delivered again when it comes back (at least once allows that).
   */
  void keepOnly(Collection<Long> pendingSeqs) {
    delivered.retainAll(pendingSeqs);
  }
}
