package dev.playfield.arena;

import static dev.playfield.arena.ArenaScenario.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaPlayer;
import dev.playfield.arena.proto.ArenaSnapshot;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.SnapshotPlayer;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ArenaTypeTest {

  private final ArenaType arena = new ArenaType();
  private final GameSetup twoPlayers = new GameSetup(9, 20, List.of("a", "b"), Map.of());

  @Test
  void describesItself() {
    assertThat(arena.name()).isEqualTo("arena");
    assertThat(arena.inputType()).isEqualTo(ArenaInput.class);
    assertThat(arena.messageTypes())
        .extracting(Descriptor::getFullName)
        .containsExactly("playfield.arena.ArenaInput", "playfield.arena.ArenaState");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "NaN | 0 | dx must be a finite number in [-1, 1], got NaN",
    "0 | NaN | dy must be a finite number in [-1, 1], got NaN",
    "Infinity | 0 | dx must be a finite number in [-1, 1], got Infinity",
    "0 | -Infinity | dy must be a finite number in [-1, 1], got -Infinity",
    "1.5 | 0 | dx must be a finite number in [-1, 1], got 1.5",
    "0 | -7 | dy must be a finite number in [-1, 1], got -7.0",
    "1.0000001 | 0 | dx must be a finite number in [-1, 1], got 1.0000001",
  })
  void rejectsADirectionOutOfRange(float dx, float dy, String reason) {
    assertThat(arena.rejectReason(input(dx, dy))).contains(reason);
  }

  @ParameterizedTest
  @CsvSource({"0, 0", "1, -1", "-1, 1", "0.3, -0.7", "-0.0, 1"})
  void acceptsADirectionInRange(float dx, float dy) {
    assertThat(arena.rejectReason(input(dx, dy))).isEmpty();
  }

  @Test
  void rejectsAnotherMessageType() {
    Message notAnInput = ArenaState.getDefaultInstance();

    assertThat(arena.rejectReason(notAnInput))
        .contains("expected playfield.arena.ArenaInput, got playfield.arena.ArenaState");
  }

  @Test
  void everyPlayerSeesTheSameStateBuiltOncePerTick() {
    Game game = arena.create(twoPlayers);

    assertThat(game.sharedView()).isTrue();
    Message first = game.view(0);
    assertThat(game.view(1)).isSameAs(first);
    assertThat(game.view(0)).isSameAs(first);

    game.tick(List.of());
    assertThat(game.view(1)).isNotSameAs(first).isInstanceOf(ArenaState.class);
  }

  @Test
  void leavingShowsInTheStateAtOnce() {
    Game game = arena.create(twoPlayers);
    Message before = game.view(0);

    game.leave(1);

    ArenaState after = (ArenaState) game.view(0);
    assertThat(after).isNotSameAs(before);
    assertThat(after.getPlayersList()).extracting(ArenaPlayer::getPresent).containsExactly(true, false);
  }

  @Test
  void theStateDescribesTheField() {
    Game game = arena.create(new GameSetup(1, 20, List.of("a"), Map.of(
        "width", 1000, "height", 500, "player-radius", 20, "collectable-radius", 5, "score-limit", 9)));

    ArenaState state = (ArenaState) game.view(0);

    assertThat(state.getWidth()).isEqualTo(1000);
    assertThat(state.getHeight()).isEqualTo(500);
    assertThat(state.getPlayerRadius()).isEqualTo(20);
    assertThat(state.getCollectableRadius()).isEqualTo(5);
    assertThat(state.getScoreLimit()).isEqualTo(9);
    assertThat(state.getPlayersList()).singleElement().satisfies(player -> {
      assertThat(player.getPresent()).isTrue();
      assertThat(player.getX()).isEqualTo(500);
      assertThat(player.getY()).isEqualTo(250);
    });
  }

  @Test
  void restoresAnEqualGame() {
    Game game = arena.create(twoPlayers);
    game.tick(List.of(ArenaScenario.move(0, 1, 0.5)));

    Game restored = arena.restore(twoPlayers, game.snapshot());

    assertThat(restored.snapshot()).isEqualTo(game.snapshot());
    assertThat(restored.view(0)).isEqualTo(game.view(0));
    assertThat(restored.standings()).isEqualTo(game.standings());
  }

  @Test
  void refusesToRestoreGarbage() {
    byte[] garbage = "not a snapshot".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> arena.restore(twoPlayers, garbage))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("corrupt arena snapshot");
  }

  @Test
  void refusesASnapshotOfAnotherMatch() {
    byte[] threePlayers = arena.create(new GameSetup(9, 20, List.of("a", "b", "c"), Map.of())).snapshot();

    assertThatThrownBy(() -> arena.restore(twoPlayers, threePlayers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 players");
  }

  @Test
  void refusesAPlayerOutsideTheField() {
    ArenaSnapshot outside = ArenaSnapshot.newBuilder()
        .addPlayers(SnapshotPlayer.newBuilder().setSlot(0).setX(Double.NaN).setY(100))
        .build();

    assertThatThrownBy(() -> arena.restore(field().player(0, 0).setup(), outside.toByteArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("player 0");
  }

  @ParameterizedTest
  @CsvSource({"width, -5", "height, NaN", "score-limit, 2.5", "collectables, 100000", "match-seconds, 0"})
  void refusesSettingsOutOfRange(String key, double value) {
    GameSetup setup = new GameSetup(1, 20, List.of("a"), Map.of(key, value));

    assertThatThrownBy(() -> arena.create(setup))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(key);
  }

  private static ArenaInput input(float dx, float dy) {
    return ArenaInput.newBuilder().setDx(dx).setDy(dy).build();
  }
}
