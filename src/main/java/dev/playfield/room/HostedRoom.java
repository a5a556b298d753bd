package dev.playfield.room;

import dev.playfield.config.ModeConfig;
import io.vertx.core.Future;
import io.vertx.core.eventbus.MessageConsumer;

/** A room with what its host keeps beside it. Touched only on the host's event loop. */
final class HostedRoom {

  final Room room;
  final long seed;
  final TickSchedule schedule;
  final TickStats stats = new TickStats();
  MessageConsumer<Object> inbox;
  long timerId;
  /** The record as last written to the cluster (the expected value of the next write). */
  byte[] replicated;
  /** The write in flight, or null. */
  Future<Boolean> saving;

  HostedRoom(Room room, long seed, TickSchedule schedule) {
    this.room = room;
    this.seed = seed;
    this.schedule = schedule;
  }

  ModeConfig mode() {
    return room.mode();
  }
}
