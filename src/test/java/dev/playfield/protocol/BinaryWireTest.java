package dev.playfield.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.Pong;
import dev.playfield.protocol.v1.ServerMessage;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.Test;

class BinaryWireTest {

  @Test
  void serverMessagesAreEncodedAsBinaryFramesOfTheirProtobufBytes() throws InvalidProtocolBufferException {
    ServerMessage message = ServerMessage.newBuilder().setRequestId(9)
        .setPong(Pong.newBuilder().setClientTime(5).setServerTimeMs(1234)).build();

    WireFormat.Frame frame = new BinaryWire().encode(message);

    assertThat(frame.text()).isFalse();
    assertThat(ServerMessage.parseFrom(frame.payload().getBytes())).isEqualTo(message);
  }

  @Test
  void aBinaryClientFrameDecodes() throws InvalidProtocolBufferException {
    ClientMessage message = ClientMessage.newBuilder().setRequestId(2)
        .setPing(Ping.newBuilder().setClientTime(77)).build();

    assertThat(WireFormat.decodeBinary(Buffer.buffer(message.toByteArray()))).isEqualTo(message);
  }

  @Test
  void bytesThatAreNotAClientMessageFailToDecode() {
    Buffer zeroTag = Buffer.buffer(new byte[] {0x00});
    Buffer truncated = Buffer.buffer(new byte[] {0x52, 0x05, 0x0A}); // login, 5 bytes announced, 1 sent

    assertThatThrownBy(() -> WireFormat.decodeBinary(zeroTag)).isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> WireFormat.decodeBinary(truncated)).isInstanceOf(InvalidProtocolBufferException.class);
  }
}
