package dev.playfield.bench;

import dev.playfield.arena.ArenaType;
import dev.playfield.protocol.BinaryWire;
import dev.playfield.protocol.JsonWire;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.internal.RoomTick;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import dev.playfield.room.Room;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;

/**
 * What the gateway does with a room's tick: wrap the room's state in a ServerMessage for each
 * recipient, with the recipient's last input sequence, and encode it, in binary or JSON.
 */
@org.openjdk.jmh.annotations.State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StateEncodingBenchmark {

  @Param({"binary", "json"})
  public String encoding;

  private WireFormat wire;
  private RoomTick tick;
  private int seq;

  @Setup
  public void setUp() {
    wire = encoding.equals("binary") ? new BinaryWire() : new JsonWire(new ArenaType().messageTypes());
    Room room = ArenaFixture.runningRoom(7);
    for (int t = 0; t < 40; t++) {
      for (int p = 0; p < ArenaFixture.PLAYERS; p++) {
        room.offer("p-" + p, t + 1, ArenaFixture.input(p, t));
      }
      room.tickOnce();
    }
    tick = room.tickOnce().get(ArenaFixture.GATEWAY);
  }

  /** One room's tick at the gateway: a fresh game state, then a frame for each of the eight players. */
  @Benchmark
  public void encodeOneTickForEightRecipients(org.openjdk.jmh.infra.Blackhole out) {
    seq++;
    com.google.protobuf.Any game = com.google.protobuf.Any.newBuilder(tick.getSharedGame()).build();
    for (int recipient = 0; recipient < ArenaFixture.PLAYERS; recipient++) {
      State state = State.newBuilder()
          .setRoomId("bench-room")
          .setTick(tick.getTick())
          .setLastInputSeq(seq + recipient)
          .setPhase(tick.getPhase())
          .setGame(game)
          .build();
      out.consume(wire.encode(ServerMessage.newBuilder().setState(state).build()));
    }
  }
}
