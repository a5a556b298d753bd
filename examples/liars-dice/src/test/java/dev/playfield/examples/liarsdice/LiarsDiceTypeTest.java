package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.StringValue;
import dev.playfield.examples.liarsdice.proto.Bid;
import dev.playfield.examples.liarsdice.proto.CallLiar;
import dev.playfield.examples.liarsdice.proto.LiarsDiceInput;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.game.GameMode;
import dev.playfield.game.StateStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the game tells a node about itself, its settings and the inputs it refuses outright. */
class LiarsDiceTypeTest {

  @Test
  void offersOneModeOfTwoToSixPlayersAtTenTicksASecond() {
    assertThat(TYPE.name()).isEqualTo("liars-dice");
    assertThat(TYPE.modes()).containsExactly(new GameMode("liars-dice", 6, 2, 10,
        Map.of("dice-per-player", 5, "turn-seconds", 20, "reveal-seconds", 5)));
    assertThat(TYPE.stateStream()).isEqualTo(StateStream.ON_CHANGE);
    assertThat(TYPE.inputType()).isEqualTo(LiarsDiceInput.class);
    List<Descriptor> types = new ArrayList<>();
    TYPE.messageTypes().forEach(types::add);
    assertThat(types).containsExactly(LiarsDiceInput.getDescriptor(), LiarsDiceState.getDescriptor());
  }

  @Test
  void itsPageIsInTheJarsResources() {
    String folder = TYPE.pageResources().orElseThrow();
    for (String file : List.of("index.html", "liars-dice.js", "liars-dice.css")) {
      assertThat(getClass().getClassLoader().getResource(folder + "/" + file)).as(file).isNotNull();
    }
  }

  @Test
  void wellFormedInputsPass() {
    assertThat(TYPE.rejectReason(bid(1, 1, 1))).isEmpty();
    assertThat(TYPE.rejectReason(bid(9, 30, 6))).isEmpty();
    assertThat(TYPE.rejectReason(LiarsDiceInput.newBuilder().setTurn(2)
        .setCallLiar(CallLiar.getDefaultInstance()).build())).isEmpty();
  }

  @Test
  void malformedInputsAreRefusedWithAReason() {
    assertThat(TYPE.rejectReason(bid(1, 0, 3))).hasValueSatisfying(why -> assertThat(why).contains("quantity"));
    assertThat(TYPE.rejectReason(bid(1, -1, 3))).hasValueSatisfying(why -> assertThat(why).contains("4294967295"));
    assertThat(TYPE.rejectReason(bid(1, 2, 0))).hasValueSatisfying(why -> assertThat(why).contains("face"));
    assertThat(TYPE.rejectReason(bid(1, 2, 7))).hasValueSatisfying(why -> assertThat(why).contains("face"));
    assertThat(TYPE.rejectReason(bid(0, 2, 3))).hasValueSatisfying(why -> assertThat(why).contains("turn"));
    assertThat(TYPE.rejectReason(LiarsDiceInput.newBuilder().setTurn(1).build()))
        .hasValueSatisfying(why -> assertThat(why).contains("exactly one action"));
    assertThat(TYPE.rejectReason(StringValue.of("liar")))
        .hasValueSatisfying(why -> assertThat(why).contains("expected playfield.liarsdice.LiarsDiceInput"));
    assertThat(TYPE.rejectReason(null)).isPresent();
  }

  @Test
  void settingsTurnIntoTicks() {
    LiarsDiceRules rules = LiarsDiceRules.from(Tables.setup(2, Map.of("turn-seconds", 1.5, "dice-per-player", 2)));
    assertThat(rules).isEqualTo(new LiarsDiceRules(2, 15, 50));
    assertThat(LiarsDiceRules.from(Tables.setup(2))).isEqualTo(new LiarsDiceRules(5, 200, 50));
  }

  @Test
  void badSettingsAreRefusedByName() {
    for (Map<String, Object> bad : List.of(
        Map.<String, Object>of("dice-per-player", 0), Map.<String, Object>of("dice-per-player", 2.5),
        Map.<String, Object>of("dice-per-player", 21), Map.<String, Object>of("turn-seconds", 0),
        Map.<String, Object>of("turn-seconds", Double.NaN), Map.<String, Object>of("reveal-seconds", -1))) {
      String key = bad.keySet().iterator().next();
      assertThatThrownBy(() -> TYPE.create(Tables.setup(3, bad)))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(key);
    }
  }

  @Test
  void aLonePlayerHasWonAlready() {
    var game = TYPE.create(Tables.setup(1));
    assertThat(game.finished()).isTrue();
    assertThat(Tables.state(game, 0).getWinner()).isZero();
    assertThat(game.standings()).hasSize(1).allSatisfy(standing -> assertThat(standing.rank()).isEqualTo(1));
    assertThat(TYPE.restore(Tables.setup(1), game.snapshot()).snapshot()).isEqualTo(game.snapshot());
  }

  private static LiarsDiceInput bid(int turn, int quantity, int face) {
    return LiarsDiceInput.newBuilder().setTurn(turn).setBid(Bid.newBuilder().setQuantity(quantity).setFace(face)).build();
  }
}
