package dev.playfield.matchmaking;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The waiting tickets of one game mode, and the rule that turns them into matches.
 *
 * <p><b>Compatibility.</b> A ticket's acceptable gap is {@link QueueRules#ratingGapAfter} its wait
 * so far. Two tickets are compatible when each rating lies inside the other's window, that is when
 * {@code |r1 - r2| <= min(gap1, gap2)}: a newcomer with a narrow window is never thrown into a wide
 * game just because an old ticket's window has widened. Every pair of players in a formed match is
 * compatible, not merely each player with the one it was gathered around, so a match's spread never
 * exceeds the narrowest window in it.
 *
 * <p><b>Forming matches.</b> {@link #process()} takes tickets oldest first. For each, it gathers
 * compatible tickets nearest in rating first (earliest arrival breaks ties), adding one only if it
 * is compatible with everyone gathered so far, up to {@code matchSize}. A full group becomes a
 * match. A smaller group of at least {@code minPlayers} becomes a match only once the ticket it was
 * gathered around has waited {@code fillTimeout}. Passes repeat until one forms nothing. Given the
 * same calls and the same clock readings the result is the same.
 *
 * <p><b>Bound.</b> At most {@code maxTickets} tickets wait; beyond that {@link #add} refuses with
 * {@link AddResult#QUEUE_FULL} and the caller tells the player to retry, so a flood of joins cannot
 * grow memory without limit.
 *
 * <p>Not thread-safe: call it from one thread (the matchmaking verticle's event loop). Methods
 * never block.
 */
public final class TicketQueue {

  /** The default bound on waiting tickets per queue; see {@link AddResult#QUEUE_FULL}. */
  public static final int DEFAULT_MAX_TICKETS = 100_000;

  private final String mode;
  private final QueueRules rules;
  private final Clock clock;
  private final int maxTickets;

  private final Map<String, QueuedTicket> byPlayer = new HashMap<>();
  private final NavigableMap<Long, QueuedTicket> byArrival = new TreeMap<>();
  private final RatingIndex byRating = new RatingIndex();
  private long nextArrival;

  /** A queue bounded at {@link #DEFAULT_MAX_TICKETS}. */
  public TicketQueue(String mode, QueueRules rules, Clock clock) {
    this(mode, rules, clock, DEFAULT_MAX_TICKETS);
  }

  /** A queue that holds at most {@code maxTickets} (at least 1) waiting tickets. */
  public TicketQueue(String mode, QueueRules rules, Clock clock, int maxTickets) {
    this.mode = Objects.requireNonNull(mode, "mode must not be null");
    this.rules = Objects.requireNonNull(rules, "rules must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    if (maxTickets < 1) {
      throw new IllegalArgumentException("maxTickets must be at least 1, got " + maxTickets);
    }
    this.maxTickets = maxTickets;
  }

  public String mode() {
    return mode;
  }

  public QueueRules rules() {
    return rules;
  }

  /**
   * Enqueues a ticket stamped with the clock's current instant. Refuses, changing nothing, when the
   * player already waits here or the queue is full.
   */
  public AddResult add(String playerId, int rating, Object payload) {
    return add(playerId, rating, payload, clock.instant());
  }

  /**
   * Adds a ticket that has been waiting since {@code enqueuedAt}: a ticket restored after the
   * matchmaker moved to another node keeps its waiting time. Add restored tickets oldest first.
   */
  public AddResult add(String playerId, int rating, Object payload, Instant enqueuedAt) {
    Objects.requireNonNull(playerId, "playerId must not be null");
    if (byPlayer.containsKey(playerId)) {
      return AddResult.ALREADY_QUEUED;
    }
    if (byPlayer.size() >= maxTickets) {
      return AddResult.QUEUE_FULL;
    }
    Ticket ticket = new Ticket(playerId, rating, enqueuedAt, payload);
    QueuedTicket queued = new QueuedTicket(ticket, nextArrival++);
    byPlayer.put(playerId, queued);
    byArrival.put(queued.arrival(), queued);
    byRating.add(queued);
    return AddResult.ADDED;
  }

  /** Removes the player's ticket; false if the player was not waiting here. */
  public boolean remove(String playerId) {
    QueuedTicket queued = byPlayer.get(playerId);
    if (queued == null) {
      return false;
    }
    forget(queued);
    return true;
  }

  public boolean contains(String playerId) {
    return byPlayer.containsKey(playerId);
  }

  /** The number of waiting tickets. */
  public int size() {
    return byPlayer.size();
  }

  /**
   * Forms every match the rules allow right now, removes their tickets from the queue and returns
   * them. Each inner list is one match, its tickets oldest first; matches are listed in the order
   * they formed.
   */
  public List<List<Ticket>> process() {
    return process(Integer.MAX_VALUE);
  }

  /** Like {@link #process()}, stopping after {@code maxMatches}; the rest wait for the next call. */
  public List<List<Ticket>> process(int maxMatches) {
    Instant now = clock.instant();
    List<List<Ticket>> matches = new ArrayList<>();
    boolean formedAny;
    do {
      formedAny = false;
      // Keys are re-read after each step because forming a match removes later tickets too.
      for (Long arrival = firstArrival(); arrival != null && matches.size() < maxMatches;
          arrival = byArrival.higherKey(arrival)) {
        List<QueuedTicket> group = matchAround(byArrival.get(arrival), now);
        if (group != null) {
          group.forEach(this::forget);
          matches.add(group.stream().map(QueuedTicket::ticket).toList());
          formedAny = true;
        }
      }
      // A later match can free a ticket that blocked an earlier, skipped one: look again.
    } while (formedAny && !byArrival.isEmpty() && matches.size() < maxMatches);
    return matches;
  }

  /** The group {@code anchor} would start a match with now, oldest first, or null if none. */
  private List<QueuedTicket> matchAround(QueuedTicket anchor, Instant now) {
    List<QueuedTicket> group = gatherCompatible(anchor, now);
    boolean full = group.size() == rules.matchSize();
    boolean partialAllowed =
        group.size() >= rules.minPlayers()
            && waited(anchor, now).compareTo(rules.fillTimeout()) >= 0;
    if (!full && !partialAllowed) {
      return null;
    }
    group.sort(Comparator.comparingLong(QueuedTicket::arrival));
    return group;
  }

  private List<QueuedTicket> gatherCompatible(QueuedTicket anchor, Instant now) {
    List<QueuedTicket> group = new ArrayList<>(rules.matchSize());
    List<Integer> gaps = new ArrayList<>(rules.matchSize());
    group.add(anchor);
    gaps.add(gapOf(anchor, now));
    // Nobody beyond the anchor's own window can be compatible with it, so the walk stops there.
    Iterator<QueuedTicket> nearest = byRating.closestFirst(anchor.rating(), gaps.get(0));
    while (group.size() < rules.matchSize() && nearest.hasNext()) {
      QueuedTicket candidate = nearest.next();
      if (candidate == anchor) {
        continue;
      }
      int candidateGap = gapOf(candidate, now);
      if (compatibleWithAll(candidate, candidateGap, group, gaps)) {
        group.add(candidate);
        gaps.add(candidateGap);
      }
    }
    return group;
  }

  private static boolean compatibleWithAll(
      QueuedTicket candidate, int candidateGap, List<QueuedTicket> group, List<Integer> gaps) {
    for (int i = 0; i < group.size(); i++) {
      long distance = Math.abs((long) candidate.rating() - group.get(i).rating());
      if (distance > Math.min(candidateGap, gaps.get(i))) {
        return false;
      }
    }
    return true;
  }

  private int gapOf(QueuedTicket queued, Instant now) {
    return rules.ratingGapAfter(waited(queued, now));
  }

  private static Duration waited(QueuedTicket queued, Instant now) {
    return Duration.between(queued.ticket().enqueuedAt(), now);
  }

  private Long firstArrival() {
    return byArrival.isEmpty() ? null : byArrival.firstKey();
  }

  private void forget(QueuedTicket queued) {
    byPlayer.remove(queued.playerId());
    byArrival.remove(queued.arrival());
    byRating.remove(queued);
  }

  /** What {@link TicketQueue#add} did with a ticket. */
  public enum AddResult {
    /** The ticket is now waiting in the queue. */
    ADDED,
    /** The player already has a ticket in this queue; nothing changed. */
    ALREADY_QUEUED,
    /** The queue is at its bound; the ticket was refused and nothing changed. */
    QUEUE_FULL
  }
}
