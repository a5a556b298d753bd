package dev.playfield.events;

/** The events written with the data, for the publisher; methods never block. */
public interface Outbox {
  /** Up to max unpublished events, oldest first (by seq). */
  io.vertx.core.Future<java.util.List<OutboxEvent>> pending(int max);

  /** Marks these events delivered; they are not returned by pending again. */
  io.vertx.core.Future<Void> markPublished(java.util.List<Long> seqs);

  /** Events not yet delivered (for the outbox-depth metric). */
  io.vertx.core.Future<Long> depth();
}
