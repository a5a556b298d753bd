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

class HighLowGameTest {

  private final HighLowType type = new HighLowType();
  private final GameSetup setup = new GameSetup(42, 10, List.of("ada", "bob"), Map.of("max-number", 100));

  @Test
  void halvingFindsTheNumberAndTheGuesserWins() {
    Game game = type.create(setup);
    int low = 1;
    int high = 100;
    for (int turn = 0; turn < 20 && !game.finished(); turn++) {
      HighLowState state = (HighLowState) game.view(0);
      int guess = (low + high) / 2;
      game.tick(List.of(new PlayerInput(state.getTurnSlot(), Guess.newBuilder().setNumber(guess).build())));
      HighLowState after = (HighLowState) game.view(0);
      if (after.getHint().equals("higher")) {
        low = guess + 1;
      } else if (after.getHint().equals("lower")) {
        high = guess - 1;
      }
    }
    assertTrue(game.finished());
    HighLowState end = (HighLowState) game.view(0);
    assertEquals(1, game.standings().get(0).rank());
    assertEquals(end.getWinner(), game.standings().get(0).slot());
  }

  @Test
  void aGuessOutOfTurnIsIgnored() {
    Game game = type.create(setup);
    game.tick(List.of(new PlayerInput(1, Guess.newBuilder().setNumber(50).build())));
    assertEquals(0, ((HighLowState) game.view(0)).getTurn());
    assertFalse(game.finished());
  }

  @Test
  void aRestoredMatchGoesOnExactlyLikeTheOriginal() {
    Game original = type.create(setup);
    original.tick(List.of(new PlayerInput(0, Guess.newBuilder().setNumber(50).build())));
    Game restored = type.restore(setup, original.snapshot());
    assertArrayEquals(original.snapshot(), restored.snapshot());
    original.tick(List.of(new PlayerInput(1, Guess.newBuilder().setNumber(25).build())));
    restored.tick(List.of(new PlayerInput(1, Guess.newBuilder().setNumber(25).build())));
    assertEquals(original.view(0), restored.view(0));
  }
}
