package dev.playfield.rating;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Elo rating updates for a match of any size, from its final ranking.
 *
 * <p>Every pair of players is treated as one Elo game: the better rank scores 1, the worse 0, a
 * shared rank 0.5 each. Player {@code a}'s expected score against {@code b} is {@code 1 / (1 +
 * 10^((Rb - Ra) / 400))}. A player's change is {@code round(K / (n - 1) * sum over opponents
 * (actual - expected))}: dividing by {@code n - 1} keeps one match worth at most {@code K} points
 * whatever its size, like a two-player game. Before rounding and the floor, the changes of all
 * players add up to exactly zero; after rounding the sum is off by at most half a point per
 * player. A rating never goes below 0; where the floor applies, the match is no longer zero-sum.
 * A match with fewer than two players changes nothing.
 *
 * <p>Pure functions: no state, safe from any thread.
 */
public final class Ratings {

  /** The Elo scale: a 400-point advantage means ten-to-one expected odds. */
  private static final double ELO_SCALE = 400.0;

  private Ratings() {}

  /**
   * The players' new ratings after a match.
   *
   * @param results every player of the match once, in any order
   * @param kFactor the most points one match can move a rating; zero or positive
   * @return each player's new rating, in the order of {@code results}
   * @throws IllegalArgumentException if a player appears twice or {@code kFactor} is negative
   */
  public static Map<String, Integer> update(List<RatedResult> results, int kFactor) {
    Objects.requireNonNull(results, "results must not be null");
    if (kFactor < 0) {
      throw new IllegalArgumentException("kFactor must not be negative, got " + kFactor);
    }
    requireDistinctPlayers(results);
    Map<String, Integer> updated = new LinkedHashMap<>();
    int opponents = results.size() - 1;
    for (RatedResult player : results) {
      if (opponents == 0) {
        updated.put(player.playerId(), player.rating());
        continue;
      }
      double surprise = 0;
      for (RatedResult opponent : results) {
        if (opponent != player) {
          surprise += actualScore(player, opponent) - expectedScore(player, opponent);
        }
      }
      long change = Math.round(kFactor * surprise / opponents);
      updated.put(player.playerId(), (int) Math.max(0, player.rating() + change));
    }
    return updated;
  }

  /** The Elo expectation that {@code player} beats {@code opponent}, in [0, 1]. */
  static double expectedScore(RatedResult player, RatedResult opponent) {
    double advantage = (double) opponent.rating() - player.rating();
    return 1.0 / (1.0 + Math.pow(10.0, advantage / ELO_SCALE));
  }

  private static double actualScore(RatedResult player, RatedResult opponent) {
    if (player.rank() < opponent.rank()) {
      return 1.0;
    }
    return player.rank() == opponent.rank() ? 0.5 : 0.0;
  }

  private static void requireDistinctPlayers(List<RatedResult> results) {
    Set<String> seen = new HashSet<>();
    for (RatedResult result : results) {
      if (!seen.add(result.playerId())) {
        throw new IllegalArgumentException("player " + result.playerId() + " appears twice");
      }
    }
  }

  /**
   * One player's outcome in a finished match, as input to {@link Ratings#update}.
   *
   * @param playerId the player
   * @param rating the player's rating before the match
   * @param rank the player's final place, 1 best; players who tied share a rank
   */
  public record RatedResult(String playerId, int rating, int rank) {

    public RatedResult {
      Objects.requireNonNull(playerId, "playerId must not be null");
      if (rank < 1) {
        throw new IllegalArgumentException("rank must be at least 1, got " + rank);
      }
    }
  }
}
