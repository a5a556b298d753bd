package dev.playfield.arena;

import static dev.playfield.arena.ArenaScenario.field;
import static dev.playfield.arena.ArenaScenario.idle;
import static dev.playfield.arena.ArenaScenario.move;
import static dev.playfield.arena.ArenaScenario.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.Standing;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArenaScoringTest {

  @Test
  void touchingACollectableScoresAndItComesBackInALaterTick() {
    Game game = field().setting("collectables", 1).player(400, 300).collectable(0, 420, 300).start();

    game.tick(List.of());

    assertThat(state(game).getPlayers(0).getScore()).isEqualTo(1);
    assertThat(state(game).getCollectablesList()).isEmpty();

    game.tick(List.of());

    assertThat(state(game).getCollectablesList()).extracting(Collectable::getId).containsExactly(1);
  }

  @Test
  void aCollectableJustOutOfReachStays() {
    // Reach is 16 + 10 = 26.
    Game game = field().setting("collectables", 1).player(400, 300).collectable(0, 427, 300).start();

    game.tick(List.of());

    assertThat(state(game).getPlayers(0).getScore()).isZero();
    assertThat(state(game).getCollectablesList()).extracting(Collectable::getId).containsExactly(0);
  }

  @Test
  void theNearestPlayerTakesACollectableBothTouch() {
    Game game = field().setting("collectables", 1)
        .player(300, 300).player(340, 300).collectable(0, 321, 300).start();

    game.tick(List.of());

    assertThat(state(game).getPlayersList()).extracting(ArenaPlayer::getScore).containsExactly(0, 1);
  }

  @Test
  void theFieldIsKeptFullOfCollectablesInsideIt() {
    Game game = new ArenaType().create(new GameSetup(3, 20, List.of("a", "b"), Map.of()));

    idle(game, 30);

    ArenaState state = state(game);
    assertThat(state.getCollectablesList()).hasSize(6).allSatisfy(collectable -> {
      assertThat(collectable.getX()).isBetween(10f, 790f);
      assertThat(collectable.getY()).isBetween(10f, 590f);
    });
  }

  @Test
  void collectablesSpawnWhereTheSeedSays() {
    GameSetup setup = new GameSetup(3, 20, List.of("a"), Map.of());
    GameSetup otherSeed = new GameSetup(4, 20, List.of("a"), Map.of());
    ArenaType arena = new ArenaType();

    assertThat(state(arena.create(setup)).getCollectablesList())
        .isEqualTo(state(arena.create(setup)).getCollectablesList())
        .isNotEqualTo(state(arena.create(otherSeed)).getCollectablesList());
  }

  @Test
  void theTimeLimitEndsTheMatch() {
    Game game = field().setting("match-seconds", 1).player(400, 300).start();
    assertThat(state(game).getTicksLeft()).isEqualTo(20);

    idle(game, 19);
    assertThat(game.finished()).isFalse();
    assertThat(state(game).getTicksLeft()).isEqualTo(1);

    game.tick(List.of());
    assertThat(game.finished()).isTrue();
    assertThat(state(game).getTicksLeft()).isZero();
    assertThatThrownBy(() -> game.tick(List.of())).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theDefaultTimeLimitIsSixtySeconds() {
    Game game = new ArenaType().create(new GameSetup(1, 30, List.of("a"), Map.of()));

    assertThat(state(game).getTicksLeft()).isEqualTo(60 * 30);
    assertThat(state(game).getScoreLimit()).isEqualTo(25);
  }

  @Test
  void reachingTheScoreLimitEndsTheMatch() {
    Game game = field().setting("score-limit", 3).setting("collectables", 1)
        .player(400, 300, 2).player(100, 100, 1).collectable(0, 400, 310).start();
    assertThat(game.finished()).isFalse();

    game.tick(List.of());

    assertThat(game.finished()).isTrue();
    assertThat(game.standings()).containsExactly(new Standing(0, 1, 3), new Standing(1, 2, 1));
  }

  @Test
  void equalScoresShareARankAndTheNextRankIsSkipped() {
    Game game = field().player(100, 100, 5).player(200, 100, 2).player(300, 100, 5).player(400, 100, 0)
        .start();

    assertThat(game.standings()).containsExactly(
        new Standing(0, 1, 5), new Standing(2, 1, 5), new Standing(1, 3, 2), new Standing(3, 4, 0));
  }

  @Test
  void aPlayerWhoLeftKeepsItsScoreButScoresNoMore() {
    Game game = field().setting("collectables", 1)
        .player(100, 100, 1).player(400, 300, 4).collectable(0, 400, 300).start();

    game.leave(1);
    game.tick(List.of(move(1, 1, 0)));

    assertThat(state(game).getPlayers(1).getPresent()).isFalse();
    assertThat(state(game).getPlayers(1).getScore()).isEqualTo(4);
    assertThat(state(game).getCollectablesList()).hasSize(1);
    assertThat(game.standings()).containsExactly(new Standing(1, 1, 4), new Standing(0, 2, 1));
  }
}
