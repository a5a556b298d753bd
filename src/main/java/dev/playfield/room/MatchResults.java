package dev.playfield.room;

import dev.playfield.cluster.RatingStore;
import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.rating.Ratings;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a finished room into its match end: ranked standings (leavers last, see {@link
 * FinalStandings}) and the players' new ratings.
 */
public final class MatchResults {

  private final RatingStore ratings;
  private final int kFactor;

  public MatchResults(RatingStore ratings, int kFactor) {
    this.ratings = ratings;
    this.kFactor = kFactor;
  }

  /** Updates the players' ratings from the final ranking; call on the room's thread. */
  public Future<MatchEnd> record(Room room) {
    List<FinalStandings.Ranked> standings = room.finalStandings();
    List<Ratings.RatedResult> rated = standings.stream()
        .map(s -> new Ratings.RatedResult(room.playerIdOf(s.slot()), room.ratingOf(s.slot()), s.rank()))
        .toList();
    Map<String, Integer> updated = Ratings.update(rated, kFactor);
    Map<String, Integer> deltas = new HashMap<>();
    for (Ratings.RatedResult result : rated) {
      deltas.put(result.playerId(), updated.getOrDefault(result.playerId(), result.rating()) - result.rating());
    }
    return ratings.add(deltas).map(after -> end(room, standings, after));
  }

  /**
   * The standings so far, ratings unchanged: a match cut short (an operator closed it, its node
   * drained with nobody left to play it) says nothing about the players' skill.
   */
  static MatchEnd cutShort(Room room) {
    return end(room, room.finalStandings(), Map.of());
  }

  /** A player missing from {@code ratingsAfter} keeps their rating. */
  private static MatchEnd end(Room room, List<FinalStandings.Ranked> standings, Map<String, Integer> ratingsAfter) {
    MatchEnd.Builder end = MatchEnd.newBuilder().setRoomId(room.id()).setTick(room.tick());
    for (FinalStandings.Ranked standing : standings) {
      String playerId = room.playerIdOf(standing.slot());
      end.addStandingsBuilder()
          .setPlayerId(playerId)
          .setName(room.nameOf(standing.slot()))
          .setRank(standing.rank())
          .setScore(standing.score())
          .setRatingBefore(room.ratingOf(standing.slot()))
          .setRatingAfter(ratingsAfter.getOrDefault(playerId, room.ratingOf(standing.slot())))
          .setLeft(standing.left());
    }
    return end.build();
  }
}
