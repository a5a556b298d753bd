package com.example.highlow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** What failover relies on: a match is a function of its seed and inputs, and a snapshot holds all of it. */
class DeterminismTest {

  private final HighLowType type = new HighLowType();

  @Property(tries = 200)
  void theSameSeedAndInputsGiveTheSameSnapshotsAndARestoreGoesOnTheSame(
      @ForAll long seed, @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 100) Integer> guesses,
      @ForAll @IntRange(max = 40) int restoreAt) {
    GameSetup setup = new GameSetup(seed, 10, List.of("a", "b", "c"), Map.of("max-number", 100, "turn-seconds", 1));
    Game first = type.create(setup);
    Game second = type.create(setup);
    Game restored = null;
    for (int step = 0; step < guesses.size(); step++) {
      if (step == restoreAt) {
        restored = type.restore(setup, first.snapshot());
      }
      int slot = step % 3;
      for (Game game : restored == null ? List.of(first, second) : List.of(first, second, restored)) {
        if (!game.finished()) {
          game.tick(List.of(HighLowGameTest.guess(slot, guesses.get(step))));
        }
      }
      assertArrayEquals(first.snapshot(), second.snapshot());
      if (restored != null) {
        assertArrayEquals(first.snapshot(), restored.snapshot());
      }
    }
  }
}
