package dev.playfield.arena;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaSnapshot;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.constraints.IntRange;

/**
 * The property failover rests on: a match is a function of its setup and its inputs, and a
 * snapshot captures all of it.
 */
class ArenaDeterminismTest {

  private static final ArenaType ARENA = new ArenaType();

  /** A small, crowded field with a short match, so collisions, pickups and both endings happen. */
  private static final Map<String, Object> CROWDED = Map.of(
      "width", 240, "height", 180, "collectables", 10, "score-limit", 4, "match-seconds", 2);

  /** Long enough for the 40-tick time limit to end some matches. */
  private static final int MAX_STEPS = 60;

  /** One tick's worth of what the host passes on: inputs, and maybe a player leaving before it. */
  record Step(List<PlayerInput> inputs, Integer leaving) {}

  record Script(int players, List<Step> steps) {}

  @Property(tries = 150)
  void gamesWithTheSameSetupAndInputsStayByteIdentical(@ForAll long seed, @ForAll("scripts") Script script) {
    GameSetup setup = setup(seed, script.players());
    Game first = ARENA.create(setup);
    Game second = ARENA.create(setup);

    for (Step step : script.steps()) {
      if (first.finished()) {
        break;
      }
      play(first, step);
      play(second, step);
      assertThat(second.snapshot()).isEqualTo(first.snapshot());
      assertThat(second.view(0)).isEqualTo(first.view(0));
    }
    assertThat(second.standings()).isEqualTo(first.standings());
  }

  @Property(tries = 150)
  void aRestoredGameCarriesOnExactlyLikeTheOriginal(
      @ForAll long seed,
      @ForAll("scripts") Script script,
      @ForAll @IntRange(max = MAX_STEPS) int restoreAfter) {
    GameSetup setup = setup(seed, script.players());
    Game original = ARENA.create(setup);
    List<byte[]> snapshots = playOut(original, script.steps());
    int split = Math.min(restoreAfter, snapshots.size() - 1);

    Game restored = ARENA.restore(setup, snapshots.get(split));
    List<byte[]> continued = playOut(restored, script.steps().subList(split, script.steps().size()));

    assertThat(continued).containsExactlyElementsOf(snapshots.subList(split, snapshots.size()));
    assertThat(restored.finished()).isEqualTo(original.finished());
    assertThat(restored.standings()).isEqualTo(original.standings());
  }

  @Property(tries = 100)
  void playersNeverLeaveTheField(@ForAll long seed, @ForAll("scripts") Script script) throws Exception {
    Game game = ARENA.create(setup(seed, script.players()));

    for (byte[] bytes : playOut(game, script.steps())) {
      assertThat(ArenaSnapshot.parseFrom(bytes).getPlayersList()).allSatisfy(player -> {
        assertThat(player.getX()).isBetween(16.0, 240.0 - 16);
        assertThat(player.getY()).isBetween(16.0, 180.0 - 16);
      });
    }
  }

  /** The snapshot before the first step and after every step played, until the match ends. */
  private static List<byte[]> playOut(Game game, List<Step> steps) {
    List<byte[]> snapshots = new ArrayList<>();
    snapshots.add(game.snapshot());
    for (Step step : steps) {
      if (game.finished()) {
        break;
      }
      play(game, step);
      snapshots.add(game.snapshot());
    }
    return snapshots;
  }

  private static void play(Game game, Step step) {
    if (step.leaving() != null) {
      game.leave(step.leaving());
    }
    game.tick(step.inputs());
  }

  private static GameSetup setup(long seed, int players) {
    return new GameSetup(seed, 20, Collections.nCopies(players, "bot"), CROWDED);
  }

  @Provide
  Arbitrary<Script> scripts() {
    return Arbitraries.integers().between(1, 6).flatMap(players -> step(players).list()
        .ofMaxSize(MAX_STEPS)
        .withSizeDistribution(RandomDistribution.uniform())
        .map(steps -> new Script(players, steps)));
  }

  private static Arbitrary<Step> step(int players) {
    Arbitrary<Integer> slot = Arbitraries.integers().between(0, players - 1);
    Arbitrary<Float> component = Arbitraries.floats().between(-1, 1);
    Arbitrary<PlayerInput> input = Combinators.combine(slot, component, component)
        .as((s, dx, dy) -> new PlayerInput(s, ArenaInput.newBuilder().setDx(dx).setDy(dy).build()));
    Arbitrary<Integer> leaving = slot.injectNull(0.97);
    return Combinators.combine(input.list().ofMaxSize(2 * players), leaving).as(Step::new);
  }
}
