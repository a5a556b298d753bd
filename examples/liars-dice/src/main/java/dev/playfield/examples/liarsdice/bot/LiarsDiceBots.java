package dev.playfield.examples.liarsdice.bot;

import dev.playfield.game.bot.BotPlayer;
import dev.playfield.game.bot.GameBots;
import java.util.List;

/**
 * Bots that play Liar's Dice for load tests. "cautious" takes whichever is likelier to win: calling
 * liar on the last bid, or its safest raise; "bluffer" raises on thinner odds, and now and then
 * bids a random raise, held or not. Stateless and thread-safe.
 */
public final class LiarsDiceBots implements GameBots {

  public static final String CAUTIOUS = "cautious";
  public static final String BLUFFER = "bluffer";

  @Override
  public String game() {
    return "liars-dice";
  }

  @Override
  public List<String> behaviours() {
    return List.of(CAUTIOUS, BLUFFER);
  }

  /** Throws {@link IllegalArgumentException} for a behaviour not in {@link #behaviours()}. */
  @Override
  public BotPlayer create(String behaviour, long seed) {
    return new LiarsDiceBot(policy(behaviour), seed);
  }

  static BidPolicy policy(String behaviour) {
    return switch (behaviour) {
      case CAUTIOUS -> new BidPolicy(0, 0);
      case BLUFFER -> new BidPolicy(0.15, 0.3);
      default -> throw new IllegalArgumentException("no liars-dice bot behaves '" + behaviour
          + "'; there are " + String.join(", ", List.of(CAUTIOUS, BLUFFER)));
    };
  }
}
