package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.TYPE;
import static dev.playfield.examples.liarsdice.Tables.bidding;
import static dev.playfield.examples.liarsdice.Tables.cup;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import dev.playfield.game.Game;
import dev.playfield.game.PlayerInput;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The proto3 JSON a browser sends and reads, through a type registry built from {@link
 * LiarsDiceType#messageTypes()} as a node builds its own: the page's inputs decode and apply, and
 * a state prints with the names the page reads.
 */
class WireFormatTest {

  private static final JsonFormat.TypeRegistry REGISTRY = registry();

  private final Game game = bidding(setup(2), 0, cup(1, 2, 3, 4, 5), cup(6, 6, 6, 6, 6));

  @Test
  void theInputsThePageSendsDecodeAndApply() throws InvalidProtocolBufferException {
    Message bid = decode("{\"@type\":\"type.googleapis.com/playfield.liarsdice.LiarsDiceInput\","
        + "\"turn\":1,\"bid\":{\"quantity\":3,\"face\":6}}");
    assertThat(TYPE.rejectReason(bid)).isEmpty();
    game.tick(List.of(new PlayerInput(0, bid)));

    Message liar = decode("{\"@type\":\"type.googleapis.com/playfield.liarsdice.LiarsDiceInput\","
        + "\"turn\":2,\"callLiar\":{}}");
    assertThat(TYPE.rejectReason(liar)).isEmpty();
    game.tick(List.of(new PlayerInput(1, liar)));

    assertThat(Tables.state(game, 0).getRoundEnd().getLoser()).isEqualTo(1);
  }

  @Test
  void aStatePrintsWithTheFieldNamesThePageReads() throws InvalidProtocolBufferException {
    String json = JsonFormat.printer().usingTypeRegistry(REGISTRY).alwaysPrintFieldsWithNoPresence()
        .print(Any.pack(game.view(1)));

    assertThat(json)
        .contains("\"@type\": \"type.googleapis.com/playfield.liarsdice.LiarsDiceState\"")
        .contains("\"yourDice\": [6, 6, 6, 6, 6]")
        .contains("\"stage\": \"STAGE_BIDDING\"")
        .contains("\"currentPlayer\": 0", "\"endsAtTick\": \"200\"", "\"stageTicks\": 200", "\"updatedAtTick\": \"0\"")
        .doesNotContain("\"yourDice\": [1, 2, 3, 4, 5]");
  }

  private static Message decode(String json) throws InvalidProtocolBufferException {
    Any.Builder any = Any.newBuilder();
    JsonFormat.parser().usingTypeRegistry(REGISTRY).merge(json, any);
    return any.build().unpack(TYPE.inputType());
  }

  private static JsonFormat.TypeRegistry registry() {
    JsonFormat.TypeRegistry.Builder registry = JsonFormat.TypeRegistry.newBuilder();
    TYPE.messageTypes().forEach(registry::add);
    return registry.build();
  }
}
