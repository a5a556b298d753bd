package dev.playfield.room;

import dev.playfield.cluster.RatingStore;
import dev.playfield.game.Standing;
import dev.playfield.rating.Ratings;
import dev.playfield.protocol.v1.MatchEnd;
import io.vertx.core.Future;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a finished room into its match end: ranked standings and the players' new ratings. */
public final class MatchResults {

  private final RatingStore ratings;
  private final int kFactor;

  public MatchResults(RatingStore ratings, int kFactor) {
    this.ratings = ratings;
    this.kFactor = kFactor;
  }

  public Future<MatchEnd> record(Room room) {
    List<Standing> standings = room.standings();
    List<Ratings.RatedResult> rated = standings.stream()
        .map(s -> new Ratings.RatedResult(room.playerIdOf(s.slot()), room.ratingOf(s.slot()), s.rank()))
        .toList();
    Map<String, Integer> updated = Ratings.update(rated, kFactor);
    Map<String, Integer> deltas = new HashMap<>();
    for (Ratings.RatedResult result : rated) {
      deltas.put(result.playerId(), updated.getOrDefault(result.playerId(), result.rating()) - result.rating());
    }
    return ratings.add(deltas).map(after -> end(room, after));
  }

  /** The room's standings as a match end; a player missing from {@code ratingsAfter} keeps their rating. */
  static MatchEnd end(Room room, Map<String, Integer> ratingsAfter) {
    MatchEnd.Builder end = MatchEnd.newBuilder().setRoomId(room.id()).setTick(room.tick());
    for (Standing standing : room.standings()) {
      String playerId = room.playerIdOf(standing.slot());
      end.addStandingsBuilder()
          .setPlayerId(playerId)
          .setName(room.nameOf(standing.slot()))
          .setRank(standing.rank())
          .setScore(standing.score())
          .setRatingBefore(room.ratingOf(standing.slot()))
          .setRatingAfter(ratingsAfter.getOrDefault(playerId, room.ratingOf(standing.slot())));
    }
    return end.build();
  }
}
