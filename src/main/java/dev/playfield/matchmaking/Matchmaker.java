package dev.playfield.matchmaking;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every mode's {@link TicketQueue}, plus the rule that a player waits in at most one queue at a
 * time across all modes.
 *
 * <p>The set of modes is fixed at construction. {@link #process()} visits modes in name order, so
 * its result is deterministic given the calls made and the clock's readings. Each queue holds at
 * most {@code maxTicketsPerQueue} tickets; a join beyond that gets {@link JoinResult#QUEUE_FULL}.
 *
 * <p>Not thread-safe: call it from one thread (the matchmaking verticle's event loop). Methods
 * never block.
 */
public final class Matchmaker {

  private final Clock clock;

  private final NavigableMap<String, TicketQueue> queues = new TreeMap<>();
  private final Map<String, String> modeByPlayer = new HashMap<>();

  /** Queues bounded at {@link TicketQueue#DEFAULT_MAX_TICKETS}. */
  public Matchmaker(Map<String, QueueRules> modes, Clock clock) {
    this(modes, clock, TicketQueue.DEFAULT_MAX_TICKETS);
  }

  /** One queue per entry of {@code modes}, each holding at most {@code maxTicketsPerQueue}. */
  public Matchmaker(Map<String, QueueRules> modes, Clock clock, int maxTicketsPerQueue) {
    Objects.requireNonNull(modes, "modes must not be null");
    Objects.requireNonNull(clock, "clock must not be null");
    this.clock = clock;
    modes.forEach(
        (mode, rules) -> queues.put(mode, new TicketQueue(mode, rules, clock, maxTicketsPerQueue)));
  }

  /**
   * Puts the player in {@code mode}'s queue with the given rating. Refuses, changing nothing, when
   * the mode is unknown, the player already waits in any queue, or the queue is full.
   */
  public JoinResult join(String mode, String playerId, int rating, Object payload) {
    return join(mode, playerId, rating, payload, clock.instant());
  }

  /** Like {@link #join(String, String, int, Object)}, for a ticket waiting since {@code enqueuedAt}. */
  public JoinResult join(String mode, String playerId, int rating, Object payload, Instant enqueuedAt) {
    Objects.requireNonNull(mode, "mode must not be null");
    Objects.requireNonNull(playerId, "playerId must not be null");
    TicketQueue queue = queues.get(mode);
    if (queue == null) {
      return JoinResult.UNKNOWN_MODE;
    }
    if (modeByPlayer.containsKey(playerId)) {
      return JoinResult.ALREADY_QUEUED;
    }
    return switch (queue.add(playerId, rating, payload, enqueuedAt)) {
      case ADDED -> {
        modeByPlayer.put(playerId, mode);
        yield JoinResult.QUEUED;
      }
      case ALREADY_QUEUED -> JoinResult.ALREADY_QUEUED;
      case QUEUE_FULL -> JoinResult.QUEUE_FULL;
    };
  }

  /** Takes the player out of whichever queue they wait in; returns that mode, or empty if none. */
  public Optional<String> leave(String playerId) {
    String mode = modeByPlayer.remove(playerId);
    if (mode == null) {
      return Optional.empty();
    }
    queues.get(mode).remove(playerId);
    return Optional.of(mode);
  }

  /** The mode the player waits in, or empty if they are not queued. */
  public Optional<String> modeOf(String playerId) {
    return Optional.ofNullable(modeByPlayer.get(playerId));
  }

  /**
   * Forms every match the rules allow right now in every mode (see {@link TicketQueue#process()}).
   * Matched players leave their queue and may join again.
   */
  public List<FormedMatch> process() {
    return process(Integer.MAX_VALUE);
  }

  /** Like {@link #process()}, forming at most {@code maxMatches} in all modes together. */
  public List<FormedMatch> process(int maxMatches) {
    List<FormedMatch> formed = new ArrayList<>();
    for (TicketQueue queue : queues.values()) {
      for (List<Ticket> tickets : queue.process(maxMatches - formed.size())) {
        tickets.forEach(ticket -> modeByPlayer.remove(ticket.playerId()));
        formed.add(new FormedMatch(queue.mode(), tickets));
      }
    }
    return formed;
  }

  /** The configured modes, in name order. */
  public Set<String> modes() {
    return Collections.unmodifiableSet(queues.navigableKeySet());
  }

  /** How many players wait in {@code mode}'s queue; 0 for an unknown mode. */
  public int waiting(String mode) {
    TicketQueue queue = queues.get(mode);
    return queue == null ? 0 : queue.size();
  }

  /** What {@link Matchmaker#join} did with a player. */
  public enum JoinResult {
    /** The player is now waiting in the requested mode's queue. */
    QUEUED,
    /** No queue exists for the requested mode; nothing changed. */
    UNKNOWN_MODE,
    /** The player is already waiting in some queue (this mode or another); nothing changed. */
    ALREADY_QUEUED,
    /** The mode's queue is at its bound; nothing changed. */
    QUEUE_FULL
  }

  /**
   * A match the {@link Matchmaker} formed: its players have left their queue.
   *
   * @param mode the mode whose queue formed it
   * @param tickets the players' tickets, oldest first; never empty
   */
  public record FormedMatch(String mode, List<Ticket> tickets) {

    public FormedMatch {
      Objects.requireNonNull(mode, "mode must not be null");
      tickets = List.copyOf(tickets);
      if (tickets.isEmpty()) {
        throw new IllegalArgumentException("a match needs at least one ticket");
      }
    }
  }
}
