package dev.playfield.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.protocol.v1.ClientMessage;
import dev.playfield.protocol.v1.Input;
import dev.playfield.protocol.v1.Ping;
import dev.playfield.protocol.v1.RoomPhase;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.protocol.v1.State;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonWireTest {

  private final JsonWire wire = new JsonWire(List.of(ArenaInput.getDescriptor(), ArenaState.getDescriptor()));

  @Test
  void zeroAndEmptyFieldsArePrintedAnyway() {
    JsonObject json = new JsonObject(wire.print(ServerMessage.newBuilder()
        .setState(State.getDefaultInstance())
        .build()));

    assertThat(json.getValue("requestId")).isEqualTo(0);
    JsonObject state = json.getJsonObject("state");
    assertThat(state.getValue("roomId")).isEqualTo("");
    assertThat(state.getValue("lastInputSeq")).isEqualTo(0);
    assertThat(state.getValue("phase")).isEqualTo("ROOM_PHASE_UNSPECIFIED");
  }

  @Test
  void sixtyFourBitIntegersArePrintedAsStrings() {
    // JavaScript numbers lose precision above 2^53, so proto3 JSON prints 64-bit integers as strings.
    long tick = (1L << 53) + 1;
    JsonObject json = new JsonObject(wire.print(ServerMessage.newBuilder()
        .setState(State.newBuilder().setTick(tick))
        .build()));

    assertThat(json.getJsonObject("state").getValue("tick")).isEqualTo(Long.toString(tick));
  }

  @Test
  void aGameStateInAnyIsPrintedWithItsTypeAndFields() {
    ArenaState arena = ArenaState.newBuilder().setTicksLeft(5).setWidth(800).build();
    JsonObject json = new JsonObject(wire.print(ServerMessage.newBuilder()
        .setState(State.newBuilder().setPhase(RoomPhase.ROOM_PHASE_RUNNING).setGame(Any.pack(arena)))
        .build()));

    JsonObject game = json.getJsonObject("state").getJsonObject("game");
    assertThat(game.getString("@type")).isEqualTo("type.googleapis.com/playfield.arena.ArenaState");
    assertThat(game.getValue("ticksLeft")).isEqualTo(5);
    assertThat(game.getValue("height")).as("zero fields inside the Any too").isEqualTo(0.0);
    assertThat(json.getJsonObject("state").getString("phase")).isEqualTo("ROOM_PHASE_RUNNING");
  }

  @Test
  void printingAGameMessageOfAnUnregisteredTypeIsAServerError() {
    JsonWire withoutGames = new JsonWire(List.of());
    ServerMessage message = ServerMessage.newBuilder()
        .setState(State.newBuilder().setGame(Any.pack(ArenaState.getDefaultInstance())))
        .build();

    assertThatThrownBy(() -> withoutGames.print(message)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aClientInputWithAGameMessageInAnyDecodes() throws InvalidProtocolBufferException {
    String text = """
        {"requestId": 7,
         "input": {"seq": 3,
                   "game": {"@type": "type.googleapis.com/playfield.arena.ArenaInput", "dx": 0.5, "dy": -1}}}
        """;

    ClientMessage decoded = wire.decode(text);

    ClientMessage expected = ClientMessage.newBuilder()
        .setRequestId(7)
        .setInput(Input.newBuilder().setSeq(3)
            .setGame(Any.pack(ArenaInput.newBuilder().setDx(0.5f).setDy(-1f).build())))
        .build();
    assertThat(decoded).isEqualTo(expected);
    assertThat(decoded.getInput().getGame().unpack(ArenaInput.class).getDy()).isEqualTo(-1f);
  }

  @Test
  void unknownFieldsAreIgnored() throws InvalidProtocolBufferException {
    String text = """
        {"requestId": 1, "fromTheFuture": {"x": 1}, "ping": {"clientTime": "5", "extra": true}}
        """;

    ClientMessage decoded = wire.decode(text);

    assertThat(decoded).isEqualTo(ClientMessage.newBuilder()
        .setRequestId(1).setPing(Ping.newBuilder().setClientTime(5)).build());
  }

  @Test
  void textThatIsNotAClientMessageFailsToDecode() {
    assertThatThrownBy(() -> wire.decode("this is not json")).isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> wire.decode("{\"requestId\": \"seven\"}"))
        .isInstanceOf(InvalidProtocolBufferException.class);
    assertThatThrownBy(() -> wire.decode("""
        {"input": {"game": {"@type": "type.googleapis.com/playfield.arena.Nope"}}}
        """)).as("an Any of an unknown game type").isInstanceOf(InvalidProtocolBufferException.class);
  }

  @Test
  void aStateFrameIsExactlyWhatPrintingTheWholeMessageGives() {
    // The game part is printed once per tick and spliced in; the text must not change by it.
    Any game = Any.pack(ArenaState.newBuilder().setTicksLeft(7).setWidth(800).setHeight(600).build());
    for (int seq = 0; seq < 3; seq++) {
      ServerMessage message = ServerMessage.newBuilder().setRequestId(seq)
          .setState(State.newBuilder().setRoomId("r-1").setTick(40 + seq).setLastInputSeq(seq)
              .setPhase(RoomPhase.ROOM_PHASE_RUNNING).setGame(game))
          .build();
      assertThat(wire.encode(message).textPayload()).isEqualTo(wire.print(message));
    }
    ServerMessage defaults = ServerMessage.newBuilder().setState(State.newBuilder().setGame(game)).build();
    assertThat(wire.encode(defaults).textPayload()).isEqualTo(wire.print(defaults));
  }

  @Test
  void theGameGoesWhereThePrinterPutsItNotAfterAnAssumedLastField() {
    // The old splice put the game before the last two braces, assuming it was State's last field;
    // now the printer places a placeholder and the game replaces it. A room id that looks exactly
    // like the placeholder must not confuse it: the whole message is printed instead.
    Any game = Any.pack(ArenaState.newBuilder().setTicksLeft(3).build());
    String lookalike = "{\"@type\":\"type.googleapis.com/google.protobuf.Empty\",\"value\":{}}";
    ServerMessage tricky = ServerMessage.newBuilder()
        .setState(State.newBuilder().setRoomId(lookalike).setTick(9).setGame(game)).build();
    String text = wire.encode(tricky).textPayload();

    assertThat(text).isEqualTo(wire.print(tricky));
    JsonObject state = new JsonObject(text).getJsonObject("state");
    assertThat(state.getString("roomId")).isEqualTo(lookalike);
    assertThat(state.getJsonObject("game").getValue("ticksLeft")).isEqualTo(3);
  }
}
