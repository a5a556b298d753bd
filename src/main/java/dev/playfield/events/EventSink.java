package dev.playfield.events;

import io.vertx.core.Future;
import java.util.List;

/**
 * One destination of events: the broker, or one webhook. The publisher calls it on its event loop,
 * one call at a time, with events in outbox order; methods never block.
 */
interface EventSink {

  /** A short name that stays the same across restarts, for logs and metrics ({@code rabbitmq}, {@code webhook-1}). */
  String name();

  /**
   * Delivers {@code events} in the order given and stops at the first one that cannot be
   * delivered, so that nothing overtakes an event that failed. Never fails: the result says how
   * many events, from the first, were delivered, and why the next one was not.
   */
  Future<Delivery> deliver(List<OutboxEvent> events);

  /** Releases connections; the sink is not used after. */
  Future<Void> close();

  /** What one {@link #deliver} call achieved: the first {@code count} events, and the failure that stopped it, if any. */
  record Delivery(int count, Throwable failure) {

    static Delivery all(List<OutboxEvent> events) {
      return new Delivery(events.size(), null);
    }

    static Delivery stoppedAt(int count, Throwable failure) {
      return new Delivery(count, failure);
    }

    boolean failed() {
      return failure != null;
    }
  }
}
