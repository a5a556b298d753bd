package dev.playfield.game.bot;

import java.util.List;

/**
 * The bots of one game, for load tests: the bot simulator plays any game whose jar names an
 * implementation in {@code META-INF/services/dev.playfield.game.bot.GameBots}. Stateless and
 * thread-safe; each bot gets its own {@link BotPlayer}.
 */
public interface GameBots {

  /** The {@link dev.playfield.game.GameType#name()} these bots play. */
  String game();

  /** The ways a bot can play, as named on the simulator's command line; the first is the default. */
  List<String> behaviours();

  /** A new bot; {@code seed} is its only source of randomness. */
  BotPlayer create(String behaviour, long seed);
}
