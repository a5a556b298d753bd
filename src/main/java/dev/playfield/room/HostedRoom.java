package dev.playfield.room;

import dev.playfield.config.ModeConfig;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;

/** A room with what its host keeps beside it. Touched only on the host's event loop. */
final class HostedRoom {

  final Room room;
  final long seed;
  final TickStats stats = new TickStats();
  TickSchedule schedule;
  MessageConsumer<Object> inbox;
  /** The pending tick timer, or -1 while the room does not tick (not started, paused, over). */
  long timerId = -1;
  /** The record as last written to the cluster (the expected value of the next write). */
  byte[] replicated;
  /** The write in flight, or null. */
  Future<Boolean> saving;
  /** Set once the match is ending: completes with its end once that is stored (or fails). */
  Future<MatchEnd> ending;
  /**
   * True while a drain is handing the room to another node: it does not tick, and what arrives
   * at its address is held in {@link #held} instead of being applied, then passed on to the taker
   * (or applied here, if nobody takes the room).
   */
  boolean handingOver;
  /**
   * Bounded by {@link HostedRooms#MAX_HELD}: a hand-over takes one write and one round trip, a few
   * inputs per player; past the bound a message is dropped (an input) or refused (a request).
   */
  final java.util.List<io.vertx.core.eventbus.Message<Object>> held = new java.util.ArrayList<>();
  /** True when a drain could not hand the room over: it stays here until it is over. */
  boolean stayedOnDrain;

  HostedRoom(Room room, long seed) {
    this.room = room;
    this.seed = seed;
  }

  ModeConfig mode() {
    return room.mode();
  }

  String id() {
    return room.id();
  }
}
