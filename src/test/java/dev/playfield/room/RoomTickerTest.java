package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import dev.playfield.config.ModeConfig;
import dev.playfield.game.Game;
import dev.playfield.game.PlayerInput;
import dev.playfield.game.Standing;
import dev.playfield.node.LocalLoad;
import dev.playfield.ops.PlayfieldMetrics;
import dev.playfield.protocol.internal.GatewayFrame;
import dev.playfield.protocol.internal.Seat;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The ticker driven by hand: a clock the test owns and timers that fire when the test says. */
class RoomTickerTest {

  private static final long PERIOD_NANOS = 50_000_000; // 20 Hz
  private static final long SLOW_TICK_NANOS = 30_000_000;

  private final ManualTime time = new ManualTime();
  private final Vertx metricsOnly = Vertx.vertx();
  private final List<Long> frameTimes = new ArrayList<>();

  @AfterEach
  void closeVertx() {
    metricsOnly.close();
  }

  @Test
  void slowTicksStayOnTheFixedSchedule() {
    RoomTicker ticker = new RoomTicker(time, time, PlayfieldMetrics.of(metricsOnly), new LocalLoad(),
        (gateway, frame) -> frameTimes.add(time.now));
    ticker.start(new HostedRoom(slowRoom(), 1));

    time.runFor(5_000_000_000L);

    assertThat(frameTimes).hasSizeGreaterThan(42);
    // The first tick ends the (zero) countdown without a game tick; from the second on each takes
    // 30 ms. 40 ticks of a 50 ms period take 2 s on schedule, though each takes 30 ms; had each tick pushed
    // the next one back (a timer re-armed after the tick), they would take 3.2 s.
    for (int n = 1; n <= 40; n++) {
      // Within the timers' millisecond resolution.
      assertThat(frameTimes.get(1 + n) - frameTimes.get(1)).as("tick %d", n)
          .isCloseTo(n * PERIOD_NANOS, org.assertj.core.data.Offset.offset(1_000_000L));
    }
  }

  @Test
  void aStoppedRoomTicksNoMoreAndARestartedOneTicksAgain() {
    RoomTicker ticker = new RoomTicker(time, time, PlayfieldMetrics.of(metricsOnly), new LocalLoad(),
        (gateway, frame) -> frameTimes.add(time.now));
    HostedRoom hosted = new HostedRoom(slowRoom(), 1);
    ticker.start(hosted);
    time.runFor(1_000_000_000L);
    int ticked = frameTimes.size();

    ticker.stop(hosted);
    time.runFor(1_000_000_000L);
    assertThat(frameTimes).hasSize(ticked);

    ticker.start(hosted);
    time.runFor(1_000_000_000L);
    assertThat(frameTimes.size() - ticked).as("about a second of ticks").isBetween(19, 21);
    assertThat(hosted.schedule.overruns()).as("the pause is not counted as missed slots").isZero();
  }

  /** A one-player room whose game tick takes 30 ms of the test's clock. */
  private Room slowRoom() {
    ModeConfig mode = new ModeConfig("slow", "slow", null, 20, 1, 4, 8, 0, Map.of());
    Game game = new Game() {
      @Override
      public void tick(List<PlayerInput> inputs) {
        time.now += SLOW_TICK_NANOS;
      }

      @Override
      public void leave(int slot) {}

      @Override
      public com.google.protobuf.Message view(int slot) {
        return Empty.getDefaultInstance();
      }

      @Override
      public boolean sharedView() {
        return true;
      }

      @Override
      public boolean finished() {
        return false;
      }

      @Override
      public List<Standing> standings() {
        return List.of(new Standing(0, 1, 0));
      }

      @Override
      public byte[] snapshot() {
        return new byte[0];
      }
    };
    return new Room("slow-room", mode, new QuickGameType(1), game,
        List.of(Seat.newBuilder().setPlayerId("p1").setGateway("gw").build()), 1000);
  }

  /** A clock and one-shot timers the test advances itself. */
  private static final class ManualTime implements HostClock, HostTimers {
    private record Due(long at, long id, Runnable task) {}

    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.at != b.at
        ? Long.compare(a.at, b.at) : Long.compare(a.id, b.id));
    private long now = 1_000_000_000L;
    private long nextId;

    @Override
    public long nanoTime() {
      return now;
    }

    @Override
    public long currentTimeMillis() {
      return now / 1_000_000;
    }

    @Override
    public long after(long delayMillis, Runnable task) {
      due.add(new Due(now + Math.max(1, delayMillis) * 1_000_000, nextId, task));
      return nextId++;
    }

    @Override
    public void cancel(long timerId) {
      due.removeIf(d -> d.id == timerId);
    }

    /** Fires every timer due in the next {@code nanos}, in order, moving the clock. */
    void runFor(long nanos) {
      long end = now + nanos;
      while (!due.isEmpty() && due.peek().at <= end) {
        Due next = due.poll();
        now = Math.max(now, next.at);
        next.task.run();
      }
      now = Math.max(now, end);
    }
  }
}
