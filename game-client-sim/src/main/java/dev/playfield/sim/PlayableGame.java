package dev.playfield.sim;

import com.google.protobuf.Descriptors.Descriptor;
import dev.playfield.game.StateStream;
import dev.playfield.game.bot.GameBots;
import java.util.List;
import java.util.Locale;

/**
 * A game the simulator can play: its bots, where they came from, and what the wire needs of the
 * game.
 *
 * @param bots the game's bots
 * @param source {@code class path} or the jar they were loaded from, for messages
 * @param messageTypes the game's message types, for {@code Any} in JSON; empty when unknown
 * @param stateStream when states come; with {@link StateStream#ON_CHANGE} a silent room is normal
 */
record PlayableGame(GameBots bots, String source, List<Descriptor> messageTypes, StateStream stateStream) {

  PlayableGame {
    messageTypes = List.copyOf(messageTypes);
  }

  String name() {
    return bots.game();
  }

  /** True when the node sends a state after every tick, so a long silence means the room is gone. */
  boolean statesEveryTick() {
    return stateStream == StateStream.EVERY_TICK;
  }

  /**
   * The behaviour named {@code requested} as the bots spell it (case and {@code _} for {@code -}
   * do not matter), or the default (the first) when {@code requested} is null.
   *
   * @throws IllegalArgumentException when the game has no such behaviour; the message lists them
   */
  String behaviour(String requested) {
    List<String> offered = bots.behaviours();
    if (offered == null || offered.isEmpty()) {
      throw new IllegalArgumentException("game '" + name() + "' (" + source + ") offers no bot behaviour");
    }
    if (requested == null) {
      return offered.get(0);
    }
    String wanted = normalized(requested);
    for (String behaviour : offered) {
      if (normalized(behaviour).equals(wanted)) {
        return behaviour;
      }
    }
    throw new IllegalArgumentException("--behavior: game '" + name() + "' has no behaviour '" + requested
        + "'; it has " + String.join(", ", offered));
  }

  private static String normalized(String behaviour) {
    return behaviour.trim().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
