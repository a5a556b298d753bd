package dev.playfield.store.sql;

import dev.playfield.store.MatchOutcome;
import dev.playfield.store.MatchStart;
import dev.playfield.store.RecordedMatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The two writes of a match, each one transaction: its start (the match row and
 * {@code match.started}) and its end (the end on the match row, every player's rating, the
 * standings and {@code match.ended}). The match row keyed by room id is what makes both happen
 * once: a start or an end that finds it already written changes nothing.
 */
final class MatchWrites {

  private final StoreDatabase db;
  private final PlayerRows players;
  private final OutboxRows outbox;
  private final int initialRating;

  MatchWrites(StoreDatabase db, PlayerRows players, OutboxRows outbox, int initialRating) {
    this.db = db;
    this.players = players;
    this.outbox = outbox;
    this.initialRating = initialRating;
  }

  Future<Boolean> recordStart(MatchStart start, LocalDateTime now) {
    return db.pool.withTransaction(connection -> connection
        .preparedQuery(db.sql("SELECT room_id FROM matches WHERE room_id = ?")).execute(Tuple.of(start.roomId()))
        .compose(rows -> rows.size() > 0 ? Future.succeededFuture(false) : insertStart(connection, start, now)
            .compose(v -> eachInOrder(start.players().stream()
                .sorted(Comparator.comparing(MatchStart.Participant::playerId)).toList(),
                p -> players.save(connection, p.playerId(), p.name(), now)))
            .compose(v -> outbox.append(connection, OutboxRows.MATCH_STARTED, start.roomId(), startedEvent(start), now))
            .map(true)));
  }

  /** The recorded match, or null when this call found it recorded already (the caller reads it). */
  Future<RecordedMatch> recordEnd(MatchOutcome outcome, LocalDateTime now) {
    return db.pool.withTransaction(connection -> claimEnd(connection, outcome, now).compose(claimed -> {
      if (!claimed) {
        return Future.succeededFuture(null);
      }
      // Rows are locked in player order, so two matches sharing players cannot deadlock.
      List<MatchOutcome.Result> byPlayer = new ArrayList<>(outcome.results());
      byPlayer.sort(Comparator.comparing(MatchOutcome.Result::playerId));
      Map<String, int[]> beforeAfter = new HashMap<>();
      return eachInOrder(byPlayer, result -> players.save(connection, result.playerId(), result.name(), now))
          .compose(v -> eachInOrder(byPlayer, result -> rate(connection, outcome.mode(), result, now)
              .map(change -> beforeAfter.put(result.playerId(), change))))
          .map(v -> recorded(outcome, beforeAfter))
          .compose(recorded -> insertStandings(connection, recorded)
              .compose(v -> outbox.append(connection, OutboxRows.MATCH_ENDED, outcome.roomId(), endedEvent(recorded), now))
              .map(recorded));
    }));
  }

  /** True when this transaction ends the match; a match never started here is inserted ended. */
  private Future<Boolean> claimEnd(SqlConnection connection, MatchOutcome outcome, LocalDateTime now) {
    return connection.preparedQuery(db.sql(
            "UPDATE matches SET ended_at = ?, end_tick = ? WHERE room_id = ? AND ended_at IS NULL"))
        .execute(Tuple.of(now, outcome.tick(), outcome.roomId()))
        .compose(updated -> updated.rowCount() == 1 ? Future.succeededFuture(true) : connection
            .preparedQuery(db.sql("SELECT room_id FROM matches WHERE room_id = ?")).execute(Tuple.of(outcome.roomId()))
            .compose(rows -> rows.size() > 0 ? Future.succeededFuture(false) : startMissed(connection, outcome, now)));
  }

  /** The start was never recorded (the database was unreachable then): record it now, ended. */
  private Future<Boolean> startMissed(SqlConnection connection, MatchOutcome outcome, LocalDateTime now) {
    MatchStart start = new MatchStart(outcome.roomId(), outcome.mode(), outcome.results().stream()
        .map(r -> new MatchStart.Participant(r.playerId(), r.name())).toList());
    return connection.preparedQuery(db.sql(
            "INSERT INTO matches (room_id, mode, started_at, ended_at, end_tick) VALUES (?, ?, ?, ?, ?)"))
        .execute(Tuple.of(outcome.roomId(), outcome.mode(), now, now, outcome.tick()))
        .compose(v -> outbox.append(connection, OutboxRows.MATCH_STARTED, outcome.roomId(), startedEvent(start), now))
        .map(true);
  }

  private Future<Void> insertStart(SqlConnection connection, MatchStart start, LocalDateTime now) {
    return connection.preparedQuery(db.sql("INSERT INTO matches (room_id, mode, started_at) VALUES (?, ?, ?)"))
        .execute(Tuple.of(start.roomId(), start.mode(), now)).mapEmpty();
  }

  /** Adds the result's delta to the stored rating; answers {before, after}. */
  private Future<int[]> rate(SqlConnection connection, String mode, MatchOutcome.Result result, LocalDateTime now) {
    int win = result.rank() == 1 && !result.left() ? 1 : 0;
    return connection.preparedQuery(db.sql("SELECT rating FROM ratings WHERE player_id = ? AND mode = ? FOR UPDATE"))
        .execute(Tuple.of(result.playerId(), mode))
        .compose(rows -> {
          Row row = rows.size() > 0 ? rows.iterator().next() : null;
          int before = row == null ? initialRating : row.getInteger("rating");
          int after = Math.max(0, before + result.ratingDelta());
          Future<?> written = row == null
              ? connection.preparedQuery(db.sql("INSERT INTO ratings (player_id, mode, rating, matches_played, wins,"
                  + " updated_at) VALUES (?, ?, ?, 1, ?, ?)")).execute(Tuple.of(result.playerId(), mode, after, win, now))
              : connection.preparedQuery(db.sql("UPDATE ratings SET rating = ?, matches_played = matches_played + 1,"
                  + " wins = wins + ?, updated_at = ? WHERE player_id = ? AND mode = ?"))
                  .execute(Tuple.of(after, win, now, result.playerId(), mode));
          return written.map(new int[] {before, after});
        });
  }

  private static RecordedMatch recorded(MatchOutcome outcome, Map<String, int[]> beforeAfter) {
    List<RecordedMatch.Standing> standings = outcome.results().stream().map(r -> new RecordedMatch.Standing(
        r.playerId(), r.name(), r.rank(), r.score(), beforeAfter.get(r.playerId())[0],
        beforeAfter.get(r.playerId())[1], r.left())).toList();
    return new RecordedMatch(outcome.roomId(), outcome.mode(), outcome.tick(), true, standings);
  }

  private Future<Void> insertStandings(SqlConnection connection, RecordedMatch recorded) {
    List<Tuple> rows = new ArrayList<>();
    for (int i = 0; i < recorded.standings().size(); i++) {
      RecordedMatch.Standing s = recorded.standings().get(i);
      rows.add(Tuple.from(List.of(recorded.roomId(), s.playerId(), i, s.name(), s.rank(), s.score(),
          s.ratingBefore(), s.ratingAfter(), s.left())));
    }
    return connection.preparedQuery(db.sql("INSERT INTO match_standings (room_id, player_id, position, name, place,"
        + " score, rating_before, rating_after, left_match) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"))
        .executeBatch(rows).mapEmpty();
  }

  static JsonObject startedEvent(MatchStart start) {
    JsonArray players = new JsonArray();
    start.players().forEach(p -> players.add(new JsonObject().put("playerId", p.playerId()).put("name", p.name())));
    return new JsonObject().put("roomId", start.roomId()).put("mode", start.mode()).put("players", players);
  }

  static JsonObject endedEvent(RecordedMatch recorded) {
    JsonArray players = new JsonArray();
    JsonArray standings = new JsonArray();
    for (RecordedMatch.Standing s : recorded.standings()) {
      players.add(new JsonObject().put("playerId", s.playerId()).put("name", s.name()));
      standings.add(new JsonObject().put("playerId", s.playerId()).put("name", s.name()).put("rank", s.rank())
          .put("score", s.score()).put("ratingBefore", s.ratingBefore()).put("ratingAfter", s.ratingAfter())
          .put("left", s.left()));
    }
    return new JsonObject().put("roomId", recorded.roomId()).put("mode", recorded.mode()).put("players", players)
        .put("standings", standings);
  }

  /** Runs {@code step} for each item, one after the other (statements on one connection do not overlap). */
  static <T> Future<Void> eachInOrder(List<T> items, Function<T, Future<?>> step) {
    Future<?> chain = Future.succeededFuture();
    for (T item : items) {
      chain = chain.compose(v -> step.apply(item));
    }
    return chain.mapEmpty();
  }
}
