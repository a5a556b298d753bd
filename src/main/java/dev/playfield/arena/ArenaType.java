package dev.playfield.arena;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.game.Game;
import dev.playfield.game.GameMode;
import dev.playfield.game.GameSetup;
import dev.playfield.game.GameType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference game "arena": players steer circles around a field and race to pick up
 * collectables. Clients send {@link ArenaInput} (a direction) and receive {@link ArenaState}.
 *
 * <p>Settings (all numbers, each optional): {@code width} (800), {@code height} (600), {@code speed}
 * in units per second (240), {@code match-seconds} (60), {@code score-limit} (25), {@code
 * collectables} on the field at once (6), {@code player-radius} (16), {@code collectable-radius}
 * (10). {@link #create} and {@link #restore} throw {@link IllegalArgumentException} for a setting
 * out of range. Stateless and thread-safe.
 */
public final class ArenaType implements GameType {

  public static final String NAME = "arena";

  @Override
  public String name() {
    return NAME;
  }

  /** One mode, "arena": up to 8 players, 20 ticks a second, a minute or 25 points. */
  @Override
  public List<GameMode> modes() {
    return List.of(new GameMode(NAME, 8, 1, 20, Map.of(
        "match-seconds", 60, "score-limit", 25, "width", 800, "height", 600, "speed", 240, "collectables", 6)));
  }

  @Override
  public Class<? extends Message> inputType() {
    return ArenaInput.class;
  }

  @Override
  public Iterable<Descriptor> messageTypes() {
    return List.of(ArenaInput.getDescriptor(), ArenaState.getDescriptor());
  }

  /** Rejects anything but an {@link ArenaInput} whose {@code dx} and {@code dy} are finite and in [-1, 1]. */
  @Override
  public Optional<String> rejectReason(Message input) {
    return ArenaInputCheck.rejectReason(input);
  }

  @Override
  public Game create(GameSetup setup) {
    return ArenaGame.start(setup);
  }

  /** Throws {@link IllegalArgumentException} when the snapshot is corrupt or of another kind of match. */
  @Override
  public Game restore(GameSetup setup, byte[] snapshot) {
    return ArenaGame.restore(setup, snapshot);
  }
}
