package dev.playfield.events;

import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;

/**
 * The seqs this publisher marked published lately, the oldest forgotten beyond a bound. An outbox
 * read right after a mark may still return a marked row (seen on the embedded database inside a
 * node: the next read returned it once more); such an event is marked again instead of being
 * delivered a second time. Not thread-safe: the relay owns it.
 */
final class RecentlyPublished {

  private final int capacity;
  private final LinkedHashSet<Long> seqs = new LinkedHashSet<>();

  RecentlyPublished(int capacity) {
    this.capacity = capacity;
  }

  boolean contains(long seq) {
    return seqs.contains(seq);
  }

  void addAll(Collection<Long> published) {
    seqs.addAll(published);
    Iterator<Long> oldest = seqs.iterator();
    while (seqs.size() > capacity && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }
}
