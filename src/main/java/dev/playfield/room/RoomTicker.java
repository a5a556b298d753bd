package dev.playfield.room;

import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.RoomTick;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * Ticks hosted rooms on their fixed schedules: runs the tick, sends its frames to the gateways,
 * records durations, lateness and overruns, then asks {@code carryOn} whether the room goes on
 * (the host ends or replicates it there). Runs on the host's event loop.
 */
final class RoomTicker {

  private final HostTimers timers;
  private final HostClock clock;
  private final PlayfieldMetrics metrics;
  private final LocalLoad load;
  private final BiConsumer<String, GatewayFrame> toGateway;
  private Predicate<HostedRoom> carryOn = hosted -> true;

  RoomTicker(HostTimers timers, HostClock clock, PlayfieldMetrics metrics, LocalLoad load,
      BiConsumer<String, GatewayFrame> toGateway) {
    this.timers = timers;
    this.clock = clock;
    this.metrics = metrics;
    this.load = load;
    this.toGateway = toGateway;
  }

  /** After each tick: true to keep ticking, false when the room was ended or stopped there. */
  void afterEachTick(Predicate<HostedRoom> carryOn) {
    this.carryOn = carryOn;
  }

  /** Starts (or, after {@link #stop}, restarts) the room's ticks at a random phase of its period. */
  void start(HostedRoom hosted) {
    long period = Math.round(1_000_000_000.0 / hosted.mode().tickRate());
    // Staggered phases: rooms that tick at the same instant bunch their writes together.
    long phase = ThreadLocalRandom.current().nextLong(period);
    long first = clock.nanoTime() + phase;
    if (hosted.schedule == null) {
      hosted.schedule = new TickSchedule(first, period);
    } else {
      hosted.schedule.restart(first);
    }
    hosted.timerId = timers.after(Math.max(1, phase / 1_000_000), () -> runTick(hosted));
  }

  /** No more ticks until {@link #start} (a pause) or ever (the room is over). */
  void stop(HostedRoom hosted) {
    if (hosted.timerId >= 0) {
      timers.cancel(hosted.timerId);
      hosted.timerId = -1;
    }
  }

  private void runTick(HostedRoom hosted) {
    Room room = hosted.room;
    if (hosted.timerId < 0 || room.phase() == Room.Phase.DISPOSED) {
      return;
    }
    long started = clock.nanoTime();
    metrics.tickLateness(room.mode().name(), hosted.schedule.started(started));
    Room.Phase before = room.phase();
    Map<String, RoomTick> frames = room.tickOnce();
    frames.forEach((gateway, tick) ->
        toGateway.accept(gateway, GatewayFrame.newBuilder().setRoomId(room.id()).setTick(tick).build()));
    long ended = clock.nanoTime();
    hosted.stats.record(ended - started);
    load.ticked(ended - started);
    metrics.tick(room.mode().name(), ended - started);
    metrics.roomState(PlayfieldMetrics.state(before), PlayfieldMetrics.state(room.phase()));
    if (!carryOn.test(hosted) || hosted.timerId < 0) {
      return;
    }
    long overrunsBefore = hosted.schedule.overruns();
    hosted.timerId = timers.after(hosted.schedule.advance(ended), () -> runTick(hosted));
    metrics.tickOverruns(hosted.schedule.overruns() - overrunsBefore);
  }
}
