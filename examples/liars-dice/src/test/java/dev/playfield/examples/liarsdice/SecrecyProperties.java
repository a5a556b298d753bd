package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.examples.liarsdice.proto.LiarsDiceSnapshot;
import dev.playfield.examples.liarsdice.proto.LiarsDiceState;
import dev.playfield.examples.liarsdice.proto.RoundEndCause;
import dev.playfield.examples.liarsdice.proto.SnapshotSeat;
import dev.playfield.examples.liarsdice.proto.Stage;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A player never learns another player's dice from their view, except when a challenge lifts every
 * cup. Checked two ways at every step of random play: what the view shows of dice, and that a view
 * stays the same when every other cup is re-rolled behind the player's back.
 */
class SecrecyProperties {

  private static final int STEPS = 300;

  @Property(tries = 40)
  void aViewShowsOnlyTheRecipientsDiceOutsideAReveal(
      @ForAll long seed, @ForAll long script, @ForAll @IntRange(min = 2, max = 6) int players) {
    GameSetup setup = Tables.setup(seed, players, ScriptedPlay.FAST);
    Game game = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(script);
    for (int step = 0; step < STEPS && !game.finished(); step++) {
      play.step(game, players, step);
      LiarsDiceSnapshot truth = Tables.snapshotOf(game);
      for (int slot = 0; slot < players; slot++) {
        LiarsDiceState view = Tables.state(game, slot);
        assertThat(view.getYourDiceList()).isEqualTo(truth.getSeats(slot).getDiceList());
        if (view.getRoundEnd().getHandsCount() > 0) {
          assertThat(view.getStage()).isIn(Stage.STAGE_ROUND_OVER, Stage.STAGE_GAME_OVER);
          assertThat(view.getRoundEnd().getCause()).isEqualTo(RoundEndCause.ROUND_END_CAUSE_CHALLENGE);
        }
      }
    }
  }

  @Property(tries = 40)
  void aViewDoesNotDependOnTheOtherCups(
      @ForAll long seed, @ForAll long script, @ForAll @IntRange(min = 2, max = 6) int players) {
    GameSetup setup = Tables.setup(seed, players, ScriptedPlay.FAST);
    Game game = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(script);
    SplittableRandom reroll = new SplittableRandom(seed);
    for (int step = 0; step < STEPS && !game.finished(); step++) {
      play.step(game, players, step);
      if (step % 5 != 0) {
        continue;
      }
      for (int slot = 0; slot < players; slot++) {
        Game rerolled = TYPE.restore(setup, othersRerolled(Tables.snapshotOf(game), slot, reroll));
        assertThat(rerolled.view(slot)).as("step %d, slot %d", step, slot).isEqualTo(game.view(slot));
      }
    }
  }

  /** The same table with every cup but {@code slot}'s rolled again (the same number of dice each). */
  private static byte[] othersRerolled(LiarsDiceSnapshot snapshot, int slot, SplittableRandom random) {
    LiarsDiceSnapshot.Builder changed = snapshot.toBuilder();
    for (SnapshotSeat.Builder seat : changed.getSeatsBuilderList()) {
      if (seat.getSlot() == slot) {
        continue;
      }
      int dice = seat.getDiceCount();
      seat.clearDice();
      random.ints(dice, 1, 7).sorted().forEach(seat::addDice);
    }
    return changed.build().toByteArray();
  }
}
