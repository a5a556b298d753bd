package dev.playfield.matchmaking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.TreeMap;

/**
 * Tickets ordered by rating, so a queue can look at the nearest ratings first instead of scanning
 * everyone. Not thread-safe; owned by one {@link TicketQueue}.
 */
final class RatingIndex {

  // Inner maps keep insertion order, which is arrival order, within one rating.
  private final NavigableMap<Integer, Map<String, QueuedTicket>> byRating = new TreeMap<>();

  void add(QueuedTicket ticket) {
    byRating
        .computeIfAbsent(ticket.rating(), rating -> new LinkedHashMap<>())
        .put(ticket.playerId(), ticket);
  }

  void remove(QueuedTicket ticket) {
    Map<String, QueuedTicket> bucket = byRating.get(ticket.rating());
    if (bucket != null && bucket.remove(ticket.playerId()) != null && bucket.isEmpty()) {
      byRating.remove(ticket.rating());
    }
  }

  /**
   * Tickets whose rating is within {@code maxDistance} of {@code rating}, closest rating first and,
   * at equal distance, earliest arrival first. The index must not change while the iterator is in
   * use.
   */
  Iterator<QueuedTicket> closestFirst(int rating, int maxDistance) {
    return new ClosestFirst(rating, maxDistance);
  }

  private final class ClosestFirst implements Iterator<QueuedTicket> {
    private final int center;
    private final long maxDistance;
    private Integer nextAbove;
    private Integer nextBelow;
    private Iterator<QueuedTicket> sameDistance = List.<QueuedTicket>of().iterator();

    ClosestFirst(int center, int maxDistance) {
      this.center = center;
      this.maxDistance = maxDistance;
      this.nextAbove = byRating.ceilingKey(center);
      this.nextBelow = byRating.lowerKey(center);
    }

    @Override
    public boolean hasNext() {
      if (!sameDistance.hasNext()) {
        sameDistance = nextRing();
      }
      return sameDistance.hasNext();
    }

    @Override
    public QueuedTicket next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return sameDistance.next();
    }

    /** The tickets at the next-smallest distance from the center (one or two ratings). */
    private Iterator<QueuedTicket> nextRing() {
      long above = nextAbove == null ? Long.MAX_VALUE : (long) nextAbove - center;
      long below = nextBelow == null ? Long.MAX_VALUE : (long) center - nextBelow;
      long distance = Math.min(above, below);
      if (distance > maxDistance) {
        return List.<QueuedTicket>of().iterator();
      }
      List<QueuedTicket> ring = new ArrayList<>();
      if (above == distance) {
        ring.addAll(byRating.get(nextAbove).values());
        nextAbove = byRating.higherKey(nextAbove);
      }
      if (below == distance) {
        ring.addAll(byRating.get(nextBelow).values());
        nextBelow = byRating.lowerKey(nextBelow);
      }
      ring.sort(Comparator.comparingLong(QueuedTicket::arrival));
      return ring.iterator();
    }
  }
}
