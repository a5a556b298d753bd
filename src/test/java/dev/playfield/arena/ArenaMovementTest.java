package dev.playfield.arena;

import static dev.playfield.arena.ArenaScenario.exact;
import static dev.playfield.arena.ArenaScenario.field;
import static dev.playfield.arena.ArenaScenario.idle;
import static dev.playfield.arena.ArenaScenario.move;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.SnapshotPlayer;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArenaMovementTest {

  /** 240 units per second at 20 ticks per second. */
  private static final double STEP = 12;

  @Test
  void fullInputMovesAtTheSpeedLimitPerTick() {
    Game game = field().player(400, 300).start();

    game.tick(List.of(move(0, 1, 0)));

    assertThat(exact(game, 0).getX()).isEqualTo(400 + STEP);
    assertThat(exact(game, 0).getY()).isEqualTo(300);
  }

  @Test
  void directionHoldsUntilTheNextInput() {
    Game game = field().player(400, 300).start();

    game.tick(List.of(move(0, 0, -1)));
    idle(game, 2);
    game.tick(List.of(move(0, 0, 0)));
    idle(game, 2);

    assertThat(exact(game, 0).getY()).isEqualTo(300 - 3 * STEP);
  }

  @Test
  void aVectorLongerThanOneIsScaledToLengthOne() {
    Game game = field().player(400, 300).start();

    game.tick(List.of(move(0, 1, 1)));

    SnapshotPlayer player = exact(game, 0);
    double travelled = Math.hypot(player.getX() - 400, player.getY() - 300);
    assertThat(travelled).isCloseTo(STEP, within(1e-9));
    assertThat(player.getX() - 400).isCloseTo(player.getY() - 300, within(1e-12));
    assertThat(Math.hypot(player.getDx(), player.getDy())).isCloseTo(1, within(1e-12));
  }

  @Test
  void aShorterVectorMovesSlower() {
    Game game = field().player(400, 300).start();

    game.tick(List.of(move(0, -0.5, 0)));

    assertThat(exact(game, 0).getX()).isEqualTo(400 - STEP / 2);
  }

  @Test
  void theLatestInputInATickWins() {
    Game game = field().player(400, 300).start();

    game.tick(List.of(move(0, 1, 0), move(0, 0, 1)));

    assertThat(exact(game, 0).getX()).isEqualTo(400);
    assertThat(exact(game, 0).getY()).isEqualTo(300 + STEP);
  }

  @Test
  void inputsTheHostShouldNotHavePassedAreDropped() {
    Game game = field().player(400, 300).start();
    ArenaInput notANumber = ArenaInput.newBuilder().setDx(Float.NaN).build();

    game.tick(List.of(move(0, 1, 0), move(5, 1, 1), move(-1, 1, 1), new PlayerInput(0, notANumber)));

    assertThat(exact(game, 0).getX()).isEqualTo(400 + STEP);
    assertThat(exact(game, 0).getY()).isEqualTo(300);
  }

  @Test
  void speedComesFromTheSettingsAndTheTickRate() {
    Game game = new ArenaType().create(
        new GameSetup(7, 10, List.of("solo"), Map.of("speed", 100, "collectables", 0)));
    double startX = exact(game, 0).getX();

    game.tick(List.of(move(0, 1, 0)));

    assertThat(exact(game, 0).getX()).isEqualTo(startX + 10);
  }

  @Test
  void playersStayInsideTheField() {
    Game game = field().setting("width", 200).setting("height", 100)
        .player(20, 20).player(180, 80).start();

    game.tick(List.of(move(0, -1, -1), move(1, 1, 1)));

    assertThat(exact(game, 0).getX()).isEqualTo(16);
    assertThat(exact(game, 0).getY()).isEqualTo(16);
    assertThat(exact(game, 1).getX()).isEqualTo(200 - 16);
    assertThat(exact(game, 1).getY()).isEqualTo(100 - 16);
  }

  @Test
  void overlappingPlayersArePushedApartSymmetrically() {
    Game game = field().player(400, 300).player(410, 300).start();

    game.tick(List.of());

    assertThat(exact(game, 0).getX()).isEqualTo(389);
    assertThat(exact(game, 1).getX()).isEqualTo(421);
    assertThat(exact(game, 0).getY()).isEqualTo(300);
    assertThat(exact(game, 1).getY()).isEqualTo(300);
  }

  @Test
  void playersOnTheSameSpotAreSplitAlongX() {
    Game game = field().player(400, 300).player(400, 300).start();

    game.tick(List.of());

    assertThat(exact(game, 0).getX()).isEqualTo(384);
    assertThat(exact(game, 1).getX()).isEqualTo(416);
  }

  @Test
  void playersWalkingIntoEachOtherDoNotPassThrough() {
    Game game = field().player(350, 300).player(450, 300).start();

    game.tick(List.of(move(0, 1, 0), move(1, -1, 0)));
    idle(game, 10);

    double gap = exact(game, 1).getX() - exact(game, 0).getX();
    assertThat(gap).isCloseTo(32, within(1e-9));
  }

  @Test
  void aPlayerWhoLeftNeitherMovesNorCollides() {
    Game game = field().player(400, 300).player(410, 300).start();
    game.leave(1);

    game.tick(List.of(move(1, 1, 0)));

    assertThat(exact(game, 0).getX()).isEqualTo(400);
    assertThat(exact(game, 1).getX()).isEqualTo(410);
    assertThat(exact(game, 1).getPresent()).isFalse();
  }

  @Test
  void playersStartSpreadOutInsideTheField() {
    GameSetup setup = new GameSetup(1, 20, Collections.nCopies(8, "p"), Map.of());
    List<SnapshotPlayer> players = exact(new ArenaType().create(setup)).getPlayersList();

    assertThat(players).allSatisfy(player -> {
      assertThat(player.getX()).isBetween(16.0, 800.0 - 16);
      assertThat(player.getY()).isBetween(16.0, 600.0 - 16);
    });
    for (int i = 0; i < players.size(); i++) {
      for (int j = i + 1; j < players.size(); j++) {
        double distance = Math.hypot(
            players.get(i).getX() - players.get(j).getX(), players.get(i).getY() - players.get(j).getY());
        assertThat(distance).as("distance between slots %d and %d", i, j).isGreaterThan(32);
      }
    }
  }
}
