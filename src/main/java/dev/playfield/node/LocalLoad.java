package dev.playfield.node;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This node's own load, counted by the gateway and the room host as things happen, read by the
 * load publisher. Thread-safe counters; nothing here blocks.
 */
public final class LocalLoad {

  private final AtomicInteger players = new AtomicInteger();
  private final AtomicInteger rooms = new AtomicInteger();
  private final AtomicLong roomsOpened = new AtomicLong();
  private final AtomicLong tickNanos = new AtomicLong();
  private final AtomicLong statesSkipped = new AtomicLong();
  private volatile boolean draining;

  /** A state was not sent because the client had not read the earlier ones. */
  public void stateSkipped() {
    statesSkipped.incrementAndGet();
  }

  public long statesSkipped() {
    return statesSkipped.get();
  }

  public void playerConnected() {
    players.incrementAndGet();
  }

  public void playerDisconnected() {
    players.decrementAndGet();
  }

  public void roomOpened() {
    rooms.incrementAndGet();
    roomsOpened.incrementAndGet();
  }

  public void roomClosed() {
    rooms.decrementAndGet();
  }

  public void ticked(long nanos) {
    tickNanos.addAndGet(nanos);
  }

  public int players() {
    return players.get();
  }

  public int rooms() {
    return rooms.get();
  }

  /** Rooms this node has opened since it started. */
  public long roomsOpened() {
    return roomsOpened.get();
  }

  /** Nanoseconds spent ticking since the last call. */
  public long takeTickNanos() {
    return tickNanos.getAndSet(0);
  }

  public boolean draining() {
    return draining;
  }

  public void startDraining() {
    draining = true;
  }
}
