package dev.playfield.room;

import dev.playfield.protocol.v1.MatchEnd;
import dev.playfield.rating.Ratings;
import dev.playfield.store.MatchOutcome;
import dev.playfield.store.MatchStart;
import dev.playfield.store.PlayerStore;
import dev.playfield.store.RecordedMatch;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records matches in the store: their start, and at their end the ranked standings (leavers last,
 * see {@link FinalStandings}) with the players' new ratings, turned into the match end. The store
 * records a room's result once, so a finish that runs again (retried, or replayed on the node that
 * took the room over) gets the first result back and moves no rating twice.
 */
public final class MatchResults {

  private static final Logger log = LoggerFactory.getLogger(MatchResults.class);
  /** One more try: a call whose answer was lost (a timeout after the commit) finds its result recorded. */
  private static final int RECORD_ATTEMPTS = 2;

  private final PlayerStore store;
  private final int kFactor;

  public MatchResults(PlayerStore store, int kFactor) {
    this.store = store;
    this.kFactor = kFactor;
  }

  /**
   * Records the room's start with its event. Does not hold the room up: a start the store misses
   * is recorded with the match's end.
   */
  void started(Room room) {
    List<MatchStart.Participant> players = room.seats().stream()
        .map(seat -> new MatchStart.Participant(seat.getPlayerId(), seat.getName())).toList();
    store.recordStart(new MatchStart(room.id(), room.mode().name(), players))
        .onFailure(cause -> log.warn("room {}: could not record the start now (it is recorded with the end): {}",
            room.id(), cause.getMessage()));
  }

  /** Computes the rating changes from the final ranking and records the result; call on the room's thread. */
  public Future<MatchEnd> record(Room room) {
    List<FinalStandings.Ranked> standings = room.finalStandings();
    List<Ratings.RatedResult> rated = standings.stream()
        .map(s -> new Ratings.RatedResult(room.playerIdOf(s.slot()), room.ratingOf(s.slot()), s.rank()))
        .toList();
    Map<String, Integer> updated = Ratings.update(rated, kFactor);
    List<MatchOutcome.Result> results = new ArrayList<>();
    for (FinalStandings.Ranked standing : standings) {
      String playerId = room.playerIdOf(standing.slot());
      int before = room.ratingOf(standing.slot());
      results.add(new MatchOutcome.Result(playerId, room.nameOf(standing.slot()), standing.rank(), standing.score(),
          standing.left(), updated.getOrDefault(playerId, before) - before));
    }
    MatchOutcome outcome = new MatchOutcome(room.id(), room.mode().name(), room.tick(), results);
    return record(outcome, RECORD_ATTEMPTS).map(MatchResults::end);
  }

  private Future<RecordedMatch> record(MatchOutcome outcome, int attemptsLeft) {
    return store.recordEnd(outcome).recover(cause -> attemptsLeft > 1
        ? record(outcome, attemptsLeft - 1) : Future.failedFuture(cause));
  }

  /**
   * The standings so far, ratings unchanged: a match cut short (an operator closed it, its node
   * drained with nobody left to play it) says nothing about the players' skill.
   */
  static MatchEnd cutShort(Room room) {
    MatchEnd.Builder end = MatchEnd.newBuilder().setRoomId(room.id()).setTick(room.tick());
    for (FinalStandings.Ranked standing : room.finalStandings()) {
      int rating = room.ratingOf(standing.slot());
      end.addStandingsBuilder()
          .setPlayerId(room.playerIdOf(standing.slot()))
          .setName(room.nameOf(standing.slot()))
          .setRank(standing.rank())
          .setScore(standing.score())
          .setRatingBefore(rating)
          .setRatingAfter(rating)
          .setLeft(standing.left());
    }
    return end.build();
  }

  /** The match end as the store recorded it (the first time, if this was a repeat). */
  private static MatchEnd end(RecordedMatch recorded) {
    MatchEnd.Builder end = MatchEnd.newBuilder().setRoomId(recorded.roomId()).setTick(recorded.tick());
    for (RecordedMatch.Standing standing : recorded.standings()) {
      end.addStandingsBuilder()
          .setPlayerId(standing.playerId())
          .setName(standing.name())
          .setRank(standing.rank())
          .setScore(standing.score())
          .setRatingBefore(standing.ratingBefore())
          .setRatingAfter(standing.ratingAfter())
          .setLeft(standing.left());
    }
    return end.build();
  }
}
