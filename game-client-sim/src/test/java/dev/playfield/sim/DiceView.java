package dev.playfield.sim;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dice a Liar's Dice state shows its recipient, read straight off the wire: from a binary
 * frame with the game's descriptors (from the game's jar, through {@link DynamicMessage}, with no
 * unknown field allowed anywhere), or from the text of a JSON frame. Field names are those of
 * {@code playfield.liarsdice.LiarsDiceState}: {@code you}, {@code your_dice}, {@code stage},
 * {@code round}, and {@code round_end} with its {@code cause} and {@code hands} (slot and dice).
 *
 * @param you the recipient's slot
 * @param yourDice the recipient's own dice
 * @param hands every cup the state shows beside the recipient's own, by slot (a reveal)
 * @param winner the last player with dice, once the game is over
 */
record DiceView(int you, String stage, int round, List<Integer> yourDice, String roundEndCause,
    Map<Integer, List<Integer>> hands, int winner) {

  static final String BIDDING = "STAGE_BIDDING";
  static final String CHALLENGE = "ROUND_END_CAUSE_CHALLENGE";
  static final String GAME_OVER = "STAGE_GAME_OVER";

  static DiceView fromBinary(Descriptor stateType, Any game) throws InvalidProtocolBufferException {
    if (!game.getTypeUrl().endsWith("/" + stateType.getFullName())) {
      throw new AssertionError("a state of another type: " + game.getTypeUrl());
    }
    DynamicMessage view = DynamicMessage.parseFrom(stateType, game.getValue());
    assertNoUnknownFields(view);
    DynamicMessage roundEnd = (DynamicMessage) view.getField(field(view, "round_end"));
    Map<Integer, List<Integer>> hands = new LinkedHashMap<>();
    for (Object hand : (List<?>) roundEnd.getField(field(roundEnd, "hands"))) {
      DynamicMessage h = (DynamicMessage) hand;
      hands.put((Integer) h.getField(field(h, "slot")), ints((List<?>) h.getField(field(h, "dice"))));
    }
    return new DiceView((Integer) view.getField(field(view, "you")),
        ((EnumValueDescriptor) view.getField(field(view, "stage"))).getName(),
        (Integer) view.getField(field(view, "round")),
        ints((List<?>) view.getField(field(view, "your_dice"))),
        ((EnumValueDescriptor) roundEnd.getField(field(roundEnd, "cause"))).getName(), hands,
        (Integer) view.getField(field(view, "winner")));
  }

  /** {@code game} is {@code state.game} of a JSON frame; proto3 JSON leaves out fields at their default. */
  static DiceView fromJson(JsonObject game) {
    JsonObject roundEnd = game.getJsonObject("roundEnd", new JsonObject());
    Map<Integer, List<Integer>> hands = new LinkedHashMap<>();
    for (Object hand : roundEnd.getJsonArray("hands", new JsonArray())) {
      JsonObject h = (JsonObject) hand;
      hands.put(h.getInteger("slot", 0), ints(h.getJsonArray("dice", new JsonArray()).getList()));
    }
    return new DiceView(game.getInteger("you", 0), game.getString("stage", "STAGE_UNSPECIFIED"),
        game.getInteger("round", 0), ints(game.getJsonArray("yourDice", new JsonArray()).getList()),
        roundEnd.getString("cause", "ROUND_END_CAUSE_UNSPECIFIED"), hands, game.getInteger("winner", 0));
  }

  boolean bidding() {
    return stage.equals(BIDDING);
  }

  private static FieldDescriptor field(DynamicMessage message, String name) {
    FieldDescriptor field = message.getDescriptorForType().findFieldByName(name);
    if (field == null) {
      throw new AssertionError(message.getDescriptorForType().getFullName() + " has no field " + name);
    }
    return field;
  }

  /** Data the descriptors do not describe could hide anything; there must be none, at any depth. */
  private static void assertNoUnknownFields(DynamicMessage message) {
    if (!message.getUnknownFields().asMap().isEmpty()) {
      throw new AssertionError("unknown fields in " + message.getDescriptorForType().getFullName() + ": "
          + message.getUnknownFields());
    }
    message.getAllFields().forEach((field, value) -> {
      if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        for (Object child : field.isRepeated() ? (List<?>) value : List.of(value)) {
          assertNoUnknownFields((DynamicMessage) child);
        }
      }
    });
  }

  private static List<Integer> ints(List<?> values) {
    List<Integer> out = new ArrayList<>();
    values.forEach(v -> out.add(((Number) v).intValue()));
    return out;
  }
}
