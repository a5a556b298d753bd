package dev.playfield.matchmaking;

import java.time.Instant;
import java.util.Objects;

/**
 * One player waiting in one queue.
 *
 * @param playerId the player; unique within a queue
 * @param rating the player's rating when they joined
 * @param enqueuedAt when the queue accepted the ticket, from the queue's clock
 * @param payload opaque data the caller attached (for example the player's session info);
 *     matchmaking never reads it, and it may be null
 */
public record Ticket(String playerId, int rating, Instant enqueuedAt, Object payload) {

  public Ticket {
    Objects.requireNonNull(playerId, "playerId must not be null");
    Objects.requireNonNull(enqueuedAt, "enqueuedAt must not be null");
  }
}
