package dev.playfield.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.protocol.internal.RoomInput;
import dev.playfield.protocol.internal.SeatLeft;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class ProtoCodecTest {

  private final ProtoCodec<RoomInput> codec = new ProtoCodec<>(RoomInput.class, RoomInput.parser());

  private static final RoomInput INPUT = RoomInput.newBuilder()
      .setPlayerId("player-42")
      .setSeq(-1) // uint32 max: the largest value must survive the wire too
      .setGame(Any.pack(ArenaInput.newBuilder().setDx(0.5f).setDy(-1f).build()))
      .build();

  @Test
  void aMessageSurvivesTheWireAtAnyPositionInTheBuffer() {
    Buffer buffer = Buffer.buffer("header");
    int first = buffer.length();
    codec.encodeToWire(buffer, INPUT);
    int second = buffer.length();
    RoomInput other = RoomInput.newBuilder().setPlayerId("player-7").setSeq(3).build();
    codec.encodeToWire(buffer, other);

    assertThat(codec.decodeFromWire(first, buffer)).isEqualTo(INPUT);
    assertThat(codec.decodeFromWire(second, buffer)).isEqualTo(other);
  }

  @Test
  void anEmptyMessageSurvivesTheWire() {
    Buffer buffer = Buffer.buffer();
    codec.encodeToWire(buffer, RoomInput.getDefaultInstance());

    assertThat(codec.decodeFromWire(0, buffer)).isEqualTo(RoomInput.getDefaultInstance());
  }

  @Test
  void insideOneNodeTheSameImmutableInstanceIsPassedOn() {
    assertThat(codec.transform(INPUT)).isSameAs(INPUT);
  }

  @Test
  void corruptBytesFailNamingTheMessageType() {
    Buffer buffer = Buffer.buffer().appendInt(3).appendBytes(new byte[] {0x0A, (byte) 0xFF, (byte) 0xFF});

    assertThatThrownBy(() -> codec.decodeFromWire(0, buffer))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("RoomInput")
        .hasCauseInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void eachTypeHasItsOwnCodecNameAndNoSystemId() {
    ProtoCodec<SeatLeft> seatLeft = new ProtoCodec<>(SeatLeft.class, SeatLeft.parser());

    assertThat(codec.name()).isNotEqualTo(seatLeft.name());
    assertThat(codec.name()).contains(RoomInput.class.getName());
    assertThat(codec.systemCodecID()).isEqualTo((byte) -1);
    assertThat(codec.type()).isEqualTo(RoomInput.class);
  }
}
