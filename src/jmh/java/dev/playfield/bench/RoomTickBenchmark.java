package dev.playfield.bench;

import com.google.protobuf.Any;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.room.Room;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** One room tick with eight players: queue one input each, drain, step the game, build the frames. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoomTickBenchmark {

  private Room room;
  private Any[][] inputs;
  private int seq;

  @Setup(Level.Iteration)
  public void setUp() {
    room = ArenaFixture.runningRoom(42);
    inputs = new Any[16][ArenaFixture.PLAYERS];
    for (int t = 0; t < inputs.length; t++) {
      for (int p = 0; p < ArenaFixture.PLAYERS; p++) {
        inputs[t][p] = ArenaFixture.input(p, t);
      }
    }
    seq = 0;
  }

  @Benchmark
  public Map<String, RoomTick> tickWithEightInputs() {
    seq++;
    Any[] now = inputs[seq % inputs.length];
    for (int p = 0; p < ArenaFixture.PLAYERS; p++) {
      room.offer("p-" + p, seq, now[p]);
    }
    return room.tickOnce();
  }
}
