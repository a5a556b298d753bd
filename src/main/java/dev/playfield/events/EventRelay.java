package dev.playfield.events;

import dev.playfield.events.EventSink.Delivery;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves events from the outbox to every sink: one {@link #pass()} reads the oldest pending events,
 * hands each sink that is not backing off the ones it has not delivered yet, and marks published
 * the events every sink has delivered. A sink that fails stops at the failed event and is put off
 * by the backoff, so its events go out strictly in outbox order; the other sinks go on. An event is
 * published (gone from the outbox) only when all sinks have it, so nothing is lost while one is
 * down, and a sink that is down holds the others back by one batch at most.
 *
 * <p>Not thread-safe: call {@link #pass()} from one event loop, the next only after the last completed.
 */
final class EventRelay {

  private static final Logger log = LoggerFactory.getLogger(EventRelay.class);

  private final Outbox outbox;
  private final List<SinkProgress> sinks = new ArrayList<>();
  private final int batchSize;
  private final Backoff backoff;
  private final Clock clock;
  private final RandomGenerator random;
  private final EventMetrics metrics;
  private final RecentlyPublished recentlyPublished;

  EventRelay(Outbox outbox, List<EventSink> sinks, int batchSize, Backoff backoff, Clock clock,
      RandomGenerator random, EventMetrics metrics) {
    if (sinks.isEmpty()) {
      throw new IllegalArgumentException("a relay needs at least one sink");
    }
    this.outbox = outbox;
    sinks.forEach(sink -> this.sinks.add(new SinkProgress(sink)));
    this.batchSize = batchSize;
    this.backoff = backoff;
    this.clock = clock;
    this.random = random;
    this.metrics = metrics;
    this.recentlyPublished = new RecentlyPublished(4 * batchSize);
  }

  /** What one pass did: events read from the outbox, and how many of them are now published. */
  record Pass(int read, int published) {
    /** A full batch went out: more are probably waiting, so the next pass need not wait. */
    boolean full(int batchSize) {
      return read == batchSize && published == read;
    }
  }

  int batchSize() {
    return batchSize;
  }

  /** One pass; fails only when the outbox could not be read or written (sink failures are handled here). */
  Future<Pass> pass() {
    return outbox.pending(batchSize).compose(read -> {
      if (read.isEmpty()) {
        return Future.succeededFuture(new Pass(0, 0));
      }
      List<OutboxEvent> batch = read.stream().filter(event -> !recentlyPublished.contains(event.seq())).toList();
      List<Long> markedBefore = read.stream().map(OutboxEvent::seq).filter(recentlyPublished::contains).toList();
      Set<Long> pendingSeqs = new HashSet<>();
      batch.forEach(event -> pendingSeqs.add(event.seq()));
      long now = clock.millis();
      List<Future<Void>> deliveries = new ArrayList<>();
      for (SinkProgress sink : sinks) {
        sink.keepOnly(pendingSeqs);
        if (sink.due(now)) {
          deliveries.add(deliver(sink, sink.undelivered(batch)));
        }
      }
      return Future.join(deliveries).transform(done -> publishWhatEverySinkHas(batch, markedBefore))
          .map(published -> new Pass(read.size(), published));
    });
  }

  private Future<Void> deliver(SinkProgress progress, List<OutboxEvent> events) {
    if (events.isEmpty()) {
      return Future.succeededFuture();
    }
    EventSink sink = progress.sink();
    // A sink that breaks its contract and fails is treated like one that delivered nothing.
    return sink.deliver(events).otherwise(cause -> Delivery.stoppedAt(0, cause)).map(delivery -> {
      List<OutboxEvent> accepted = events.subList(0, delivery.count());
      int failuresBefore = progress.failuresInARow();
      progress.delivered(accepted);
      if (failuresBefore > 0 && !accepted.isEmpty()) {
        log.info("events: {} takes events again after {} failed attempts", sink.name(), failuresBefore);
      }
      metrics.delivered(sink.name(), accepted.size());
      if (delivery.failed()) {
        metrics.failure(sink.name());
        OutboxEvent stuck = events.get(delivery.count());
        long wait = progress.failed(clock.millis(), backoff, random);
        log.warn("events: {} did not take event {} (seq {}, {}) after {} failures in a row, retrying in {} ms: {}",
            sink.name(), stuck.id(), stuck.seq(), stuck.type(), progress.failuresInARow(), wait,
            delivery.failure().getMessage());
      }
      return null;
    });
  }

  /** Closes every sink. */
  Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    sinks.forEach(sink -> closing.add(sink.sink().close()));
    return Future.join(closing).mapEmpty();
  }

  /** Marks published what every sink has, and again what was marked before; returns how many for the first time. */
  private Future<Integer> publishWhatEverySinkHas(List<OutboxEvent> batch, List<Long> markedBefore) {
    List<Long> everywhere = new ArrayList<>(markedBefore);
    for (OutboxEvent event : batch) {
      if (sinks.stream().allMatch(sink -> sink.hasDelivered(event.seq()))) {
        everywhere.add(event.seq());
      }
    }
    if (everywhere.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return outbox.markPublished(everywhere).map(v -> {
      sinks.forEach(sink -> sink.forget(everywhere));
      recentlyPublished.addAll(everywhere);
      // Marked again does not count: a read that keeps returning them must not make passes back to back.
      return everywhere.size() - markedBefore.size();
    });
  }
}
