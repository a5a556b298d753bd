package com.example.highlow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.example.highlow.proto.Guess;
import com.example.highlow.proto.HighLowState;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules, stepped by hand: a fixed seed, the inputs we choose, one tick at a time. */
class HighLowGameTest {

  static final GameSetup SETUP = new GameSetup(42, 10, List.of("ada", "bob"),
      Map.of("max-number", 100, "turn-seconds", 3));
  private final HighLowType type = new HighLowType();

  static PlayerInput guess(int slot, int number) {
    return new PlayerInput(slot, Guess.newBuilder().setNumber(number).build());
  }

  @Test
  void halvingFindsTheNumberAndTheGuesserWins() {
    Game game = type.create(SETUP);
    int low = 1;
    int high = 100;
    for (int turn = 0; turn < 20 && !game.finished(); turn++) {
      HighLowState state = (HighLowState) game.view(0);
      int number = (low + high) / 2;
      game.tick(List.of(guess(state.getTurnSlot(), number)));
      HighLowState after = (HighLowState) game.view(0);
      if (after.getHint().equals("higher")) {
        low = number + 1;
      } else if (after.getHint().equals("lower")) {
        high = number - 1;
      }
    }
    assertTrue(game.finished());
    HighLowState end = (HighLowState) game.view(0);
    assertEquals(1, game.standings().get(0).rank());
    assertEquals(end.getWinner(), game.standings().get(0).slot());
  }

  @Test
  void aGuessOutOfTurnIsIgnored() {
    Game game = type.create(SETUP);
    game.tick(List.of(guess(1, 50)));
    assertEquals(0, ((HighLowState) game.view(0)).getTurn());
    assertFalse(game.finished());
  }

  @Test
  void aTurnPassesWhenItsTimeIsUp() {
    Game game = type.create(SETUP); // 3 s at 10 ticks a second: 30 ticks
    for (int tick = 0; tick < 30; tick++) {
      game.tick(List.of());
    }
    assertEquals(0, ((HighLowState) game.view(0)).getTurnSlot());
    game.tick(List.of());
    HighLowState passed = (HighLowState) game.view(0);
    assertEquals(1, passed.getTurnSlot());
    assertEquals("timeout", passed.getHint());
  }

  @Test
  void aPlayerLeavingOnTheirTurnHandsItOn() {
    Game game = type.create(SETUP);
    game.leave(0);
    assertEquals(1, ((HighLowState) game.view(0)).getTurnSlot());
    game.tick(List.of(guess(0, 50)));
    assertEquals("", ((HighLowState) game.view(0)).getHint(), "a leaver's guess is ignored");
  }

  @Test
  void aRestoredMatchGoesOnExactlyLikeTheOriginal() {
    Game original = type.create(SETUP);
    original.tick(List.of(guess(0, 50)));
    Game restored = type.restore(SETUP, original.snapshot());
    assertArrayEquals(original.snapshot(), restored.snapshot());
    original.tick(List.of(guess(1, 25)));
    restored.tick(List.of(guess(1, 25)));
    assertEquals(original.view(0), restored.view(0));
  }
}
