package dev.playfield.room;

import com.google.protobuf.Any;
import java.util.ArrayDeque;
import java.util.Iterator;

/**
 * One player's inputs waiting for the next tick, kept in sequence order. Bounded: when full, the
 * oldest input is dropped, because under a flood the newest intent is the one worth applying.
 * Inputs at or below the last applied sequence are stale duplicates and are refused.
 */
final class InputQueue {

  record Entry(int seq, Any input) {}

  private final ArrayDeque<Entry> entries = new ArrayDeque<>();
  private final int capacity;
  private final InputDrops drops;
  private long dropped;

  InputQueue(int capacity) {
    this(capacity, InputDrops.NONE);
  }

  InputQueue(int capacity, InputDrops drops) {
    this.capacity = capacity;
    this.drops = drops;
  }

  /** Queues an input unless it is stale; returns whether it was queued. */
  boolean offer(int seq, Any input, int lastApplied) {
    if (Integer.compareUnsigned(seq, lastApplied) <= 0 || contains(seq)) {
      drops.dropped(InputDrops.Reason.STALE);
      return false;
    }
    if (entries.size() == capacity) {
      dropped++;
      drops.dropped(InputDrops.Reason.FULL);
      if (Integer.compareUnsigned(seq, entries.peekFirst().seq()) < 0) {
        return false; // older than everything queued: it is the oldest, so it is the one dropped
      }
      entries.pollFirst();
    }
    if (entries.isEmpty() || Integer.compareUnsigned(entries.peekLast().seq(), seq) < 0) {
      entries.addLast(new Entry(seq, input));
    } else {
      insertInOrder(new Entry(seq, input));
    }
    return true;
  }

  /** Removes and returns the next input in sequence order, or null. */
  Entry poll() {
    return entries.pollFirst();
  }

  boolean isEmpty() {
    return entries.isEmpty();
  }

  long dropped() {
    return dropped;
  }

  void clear() {
    entries.clear();
  }

  private boolean contains(int seq) {
    for (Entry entry : entries) {
      if (entry.seq() == seq) {
        return true;
      }
    }
    return false;
  }

  // Rare: inputs arrive in order over one connection; only a reordering client gets here.
  private void insertInOrder(Entry entry) {
    ArrayDeque<Entry> sorted = new ArrayDeque<>(entries.size() + 1);
    boolean placed = false;
    for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
      Entry next = it.next();
      if (!placed && Integer.compareUnsigned(entry.seq(), next.seq()) < 0) {
        sorted.addLast(entry);
        placed = true;
      }
      sorted.addLast(next);
    }
    if (!placed) {
      sorted.addLast(entry);
    }
    entries.clear();
    entries.addAll(sorted);
  }
}
