package dev.playfield.bench;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.arena.ArenaType;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.protocol.JsonWire;
import dev.playfield.protocol.WireFormat;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Input;
import io.vertx.core.buffer.Buffer;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** What the gateway does per input frame: decode the ClientMessage and unpack the arena input. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InputDecodingBenchmark {

  private Buffer binary;
  private String json;
  private JsonWire jsonWire;

  @Setup
  public void setUp() throws InvalidProtocolBufferException {
    ClientMessage input = ClientMessage.newBuilder()
        .setInput(Input.newBuilder().setSeq(1234).setGame(ArenaFixture.input(3, 17)))
        .build();
    binary = Buffer.buffer(input.toByteArray());
    ArenaType arena = new ArenaType();
    jsonWire = new JsonWire(arena.messageTypes());
    com.google.protobuf.TypeRegistry.Builder types = com.google.protobuf.TypeRegistry.newBuilder();
    arena.messageTypes().forEach(types::add);
    json = JsonFormat.printer().usingTypeRegistry(types.build()).omittingInsignificantWhitespace().print(input);
  }

  @Benchmark
  public ArenaInput decodeBinary() throws InvalidProtocolBufferException {
    return WireFormat.decodeBinary(binary).getInput().getGame().unpack(ArenaInput.class);
  }

  @Benchmark
  public ArenaInput decodeJson() throws InvalidProtocolBufferException {
    return jsonWire.decode(json).getInput().getGame().unpack(ArenaInput.class);
  }
}
