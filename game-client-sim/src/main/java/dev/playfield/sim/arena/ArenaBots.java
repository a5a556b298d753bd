package dev.playfield.sim.arena;

import com.google.protobuf.Descriptors.Descriptor;
import dev.playfield.arena.proto.ArenaInput;
import dev.playfield.arena.proto.ArenaState;
import dev.playfield.game.StateStream;
import dev.playfield.game.bot.BotPlayer;
import dev.playfield.game.bot.GameBots;
import dev.playfield.sim.GameWire;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The bots of the reference game, arena, found through {@code META-INF/services} like any game's.
 * Arena's {@code GameType} lives in the server, not here, so these bots also say what the
 * simulator needs to know of arena's messages ({@link GameWire}).
 */
public final class ArenaBots implements GameBots, GameWire {

  static final String RANDOM_WALK = "random-walk";
  static final String CHASE = "chase";

  @Override
  public String game() {
    return "arena";
  }

  /** {@code random-walk} (the default) never reads a state; {@code chase} decodes every one. */
  @Override
  public List<String> behaviours() {
    return List.of(RANDOM_WALK, CHASE);
  }

  @Override
  public BotPlayer create(String behaviour, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    return switch (behaviour.toLowerCase(Locale.ROOT)) {
      case RANDOM_WALK -> new RandomWalk(random);
      case CHASE -> new Chase(random);
      default -> throw new IllegalArgumentException("arena has no behaviour '" + behaviour + "'; it has " + behaviours());
    };
  }

  @Override
  public List<Descriptor> messageTypes() {
    return List.of(ArenaInput.getDescriptor(), ArenaState.getDescriptor());
  }

  @Override
  public StateStream stateStream() {
    return StateStream.EVERY_TICK;
  }
}
