package dev.playfield.arena;

import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaSnapshot;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.arena.proto.Collectable;
import dev.playfield.arena.proto.SnapshotPlayer;
import dev.playfield.game.Game;
import dev.playfield.game.GameSetup;
import dev.playfield.game.PlayerInput;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets up a match with players and collectables exactly where a test wants them, through the
 * public API only: it writes the snapshot such a match would have and restores it.
 */
final class ArenaScenario {

  static final int TICK_RATE = 20;
  static final long SEED = 42;

  private final Map<String, Object> settings = new HashMap<>();
  private final List<SnapshotPlayer> players = new ArrayList<>();
  private final List<Collectable> collectables = new ArrayList<>();

  private ArenaScenario() {
    // No random collectables unless a test asks for them, so they cannot get in the way.
    settings.put("collectables", 0);
  }

  static ArenaScenario field() {
    return new ArenaScenario();
  }

  ArenaScenario setting(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  /** Adds a player in the next free slot, at rest. */
  ArenaScenario player(double x, double y) {
    return player(x, y, 0);
  }

  ArenaScenario player(double x, double y, int score) {
    players.add(SnapshotPlayer.newBuilder()
        .setSlot(players.size()).setX(x).setY(y).setScore(score).setPresent(true).build());
    return this;
  }

  ArenaScenario collectable(int id, float x, float y) {
    collectables.add(Collectable.newBuilder().setId(id).setX(x).setY(y).build());
    return this;
  }

  GameSetup setup() {
    List<String> names = Collections.nCopies(players.size(), "player");
    return new GameSetup(SEED, TICK_RATE, names, settings);
  }

  Game start() {
    int nextId = collectables.stream().mapToInt(Collectable::getId).max().orElse(-1) + 1;
    ArenaSnapshot snapshot = ArenaSnapshot.newBuilder()
        .setRngState(SEED)
        .setNextCollectableId(nextId)
        .addAllPlayers(players)
        .addAllCollectables(collectables)
        .build();
    return new ArenaType().restore(setup(), snapshot.toByteArray());
  }

  static PlayerInput move(int slot, double dx, double dy) {
    return new PlayerInput(slot, ArenaInput.newBuilder().setDx((float) dx).setDy((float) dy).build());
  }

  static ArenaState state(Game game) {
    return (ArenaState) game.view(0);
  }

  /** The exact (double) state, where the view only carries floats. */
  static ArenaSnapshot exact(Game game) {
    try {
      return ArenaSnapshot.parseFrom(game.snapshot());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static SnapshotPlayer exact(Game game, int slot) {
    return exact(game).getPlayers(slot);
  }

  static void idle(Game game, int ticks) {
    for (int i = 0; i < ticks; i++) {
      game.tick(List.of());
    }
  }
}
