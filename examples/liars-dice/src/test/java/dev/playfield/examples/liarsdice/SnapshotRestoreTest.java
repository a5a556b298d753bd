package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.TYPE;
import static dev.playfield.examples.liarsdice.Tables.setup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.StringValue;
import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.PlacedBid;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** A snapshot that is not one of such a match is refused with IllegalArgumentException, never half-restored. */
class SnapshotRestoreTest {

  private final GameSetup setup = setup(3, ScriptedPlay.FAST);

  @Property(tries = 200)
  void garbageIsRefused(@ForAll byte[] garbage) {
    assertThatThrownBy(() -> TYPE.restore(setup, garbage)).isInstanceOf(IllegalArgumentException.class);
  }

  @Property(tries = 200)
  void aDamagedSnapshotIsRefusedOrPlaysOn(
      @ForAll long script, @ForAll @IntRange(min = 0, max = 150) int steps, @ForAll int position, @ForAll byte flip) {
    Game game = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(script);
    for (int step = 0; step < steps; step++) {
      play.step(game, 3, step);
    }
    byte[] damaged = game.snapshot();
    damaged[Math.floorMod(position, damaged.length)] ^= (byte) (flip | 1);

    Game restored;
    try {
      restored = TYPE.restore(setup, damaged);
    } catch (IllegalArgumentException refused) {
      return;
    }
    for (int step = steps; step < steps + 100; step++) { // what was let through is a table the rules can play
      play.step(restored, 3, step);
      for (int slot = 0; slot < 3; slot++) {
        assertThat(restored.view(slot)).isNotNull();
      }
      assertThat(restored.standings()).hasSize(3);
    }
  }

  @Test
  void aSnapshotOfAnotherGameIsRefused() {
    byte[] other = StringValue.of("arena").toByteArray();
    assertThatThrownBy(() -> TYPE.restore(setup, other))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a liars-dice snapshot");
    assertThatThrownBy(() -> TYPE.restore(setup, new byte[0])).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSnapshotOfAnotherNumberOfPlayersIsRefused() {
    byte[] three = TYPE.create(setup).snapshot();
    assertThatThrownBy(() -> TYPE.restore(setup(4, ScriptedPlay.FAST), three))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("the match has 4");
  }

  @Test
  void impossibleTablesAreRefused() {
    refused(s -> s.setSeats(0, s.getSeats(0).toBuilder().setDice(0, 7)), "shows 7");
    refused(s -> s.setSeats(1, s.getSeats(1).toBuilder().addDice(1).addDice(1)), "more dice than the rules give");
    refused(s -> s.setCurrentPlayer(5), "player 5 is to play");
    refused(s -> s.setStage(Stage.STAGE_UNSPECIFIED), "no stage");
    refused(s -> s.setStage(Stage.STAGE_GAME_OVER), "a game over has no deadline");
    refused(s -> s.setEndsAtTick(s.getTick() + 1_000), "deadline is outside the stage");
    refused(s -> s.setUpdatedAtTick(s.getTick() + 1), "ticks are out of order");
    refused(s -> s.setOuts(1), "counts 1 players out");
    refused(s -> s.setGame("arena"), "not a liars-dice snapshot");
    refused(s -> s.addAllBids(List.of(bid(0, 2, 3), bid(1, 2, 3))), "bids do not rise");
    refused(s -> s.addBids(bid(7, 1, 1)), "a bidder sits in slot 7");
  }

  @Test
  void aSnapshotRestoresToTheSameSnapshot() {
    Game game = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(5);
    for (int step = 0; step < 60; step++) {
      play.step(game, 3, step);
      assertThat(TYPE.restore(setup, game.snapshot()).snapshot()).isEqualTo(game.snapshot());
    }
  }

  private void refused(UnaryOperator<LiarsDiceSnapshot.Builder> damage, String why) {
    LiarsDiceSnapshot good = Tables.snapshotOf(TYPE.create(setup));
    byte[] bad = damage.apply(good.toBuilder()).build().toByteArray();
    assertThatThrownBy(() -> TYPE.restore(setup, bad))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(why);
  }

  private static PlacedBid bid(int slot, int quantity, int face) {
    return PlacedBid.newBuilder().setSlot(slot).setQuantity(quantity).setFace(face).build();
  }
}
