package dev.playfield.examples.liarsdice;

import static dev.playfield.examples.liarsdice.Tables.TYPE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** A match is a function of its seed and its inputs, and a snapshot carries all of it. */
class DeterminismProperties {

  private static final int STEPS = 400;

  @Property(tries = 60)
  void theSameSeedAndInputsGiveTheSameSnapshotsAtEveryStep(
      @ForAll long seed, @ForAll long script, @ForAll @IntRange(min = 2, max = 6) int players) {
    GameSetup setup = Tables.setup(seed, players, ScriptedPlay.FAST);
    Game first = TYPE.create(setup);
    Game second = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(script);
    for (int step = 0; step < STEPS; step++) {
      assertThat(second.snapshot()).as("step %d", step).isEqualTo(first.snapshot());
      play.step(first, players, step);
      play.step(second, players, step);
    }
    assertSame(first, second, players);
  }

  @Property(tries = 60)
  void aRestoredMatchGoesOnExactlyAsTheOriginal(
      @ForAll long seed, @ForAll long script, @ForAll @IntRange(min = 2, max = 6) int players,
      @ForAll @IntRange(min = 0, max = STEPS) int restoreAt) {
    GameSetup setup = Tables.setup(seed, players, ScriptedPlay.FAST);
    Game original = TYPE.create(setup);
    ScriptedPlay play = new ScriptedPlay(script);
    for (int step = 0; step < restoreAt; step++) {
      play.step(original, players, step);
    }
    Game restored = TYPE.restore(setup, original.snapshot());
    assertSame(restored, original, players);
    for (int step = restoreAt; step < STEPS; step++) {
      play.step(original, players, step);
      play.step(restored, players, step);
      assertSame(restored, original, players);
    }
  }

  @Property(tries = 30)
  void differentSeedsDealDifferentDice(@ForAll long seed) {
    Game one = TYPE.create(Tables.setup(seed, 6, java.util.Map.of()));
    Game other = TYPE.create(Tables.setup(seed + 1, 6, java.util.Map.of()));
    boolean anyDifferent = false;
    for (int slot = 0; slot < 6; slot++) {
      anyDifferent |= !Tables.state(one, slot).getYourDiceList().equals(Tables.state(other, slot).getYourDiceList());
    }
    assertThat(anyDifferent).as("30 dice of one seed all equal to another's").isTrue();
  }

  private static void assertSame(Game actual, Game expected, int players) {
    assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
    assertThat(actual.finished()).isEqualTo(expected.finished());
    assertThat(actual.standings()).isEqualTo(expected.standings());
    for (int slot = 0; slot < players; slot++) {
      assertThat(actual.view(slot)).isEqualTo(expected.view(slot));
    }
  }
}
