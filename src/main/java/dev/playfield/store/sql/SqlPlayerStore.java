package dev.playfield.store.sql;

import dev.playfield.config.DatabaseConfig;
import dev.playfield.events.Outbox;
import dev.playfield.events.OutboxEvent;
import dev.playfield.store.AccountLink;
import dev.playfield.store.IdentityPlayer;
import dev.playfield.store.LeaderboardEntry;
import dev.playfield.store.LeaderboardPage;
import dev.playfield.store.MatchOutcome;
import dev.playfield.store.MatchStart;
import dev.playfield.store.PasswordLogin;
import dev.playfield.store.PlayedMatch;
import dev.playfield.store.PlayerStore;
import dev.playfield.store.RecordedMatch;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The store on a SQL database, PostgreSQL or embedded H2, with the same statements on both. Also
 * the outbox the event publisher reads. Every call goes through {@link StoreCalls}.
 */
public final class SqlPlayerStore implements PlayerStore, Outbox {

  private final StoreDatabase db;
  private final StoreCalls calls;
  private final OutboxRows outbox;
  private final PlayerRows players;
  private final MatchWrites matches;
  private final AccountRows accounts;
  private final int initialRating;
  private final Clock clock;

  private SqlPlayerStore(StoreDatabase db, StoreCalls calls, int initialRating, Clock clock) {
    this.db = db;
    this.calls = calls;
    this.outbox = new OutboxRows(db);
    this.players = new PlayerRows(db, outbox);
    this.matches = new MatchWrites(db, players, outbox, initialRating);
    this.accounts = new AccountRows(db, players);
    this.initialRating = initialRating;
    this.clock = clock;
  }

  /**
   * Opens the configured database, migrating its schema first. {@code memoryName} names the
   * in-memory database when {@code config} asks for one (unique per node).
   */
  public static Future<SqlPlayerStore> open(Vertx vertx, DatabaseConfig config, String memoryName, int initialRating,
      MeterRegistry registry, Clock clock) {
    return StoreDatabase.open(vertx, config, memoryName)
        .map(db -> new SqlPlayerStore(db, new StoreCalls(vertx, config, registry), initialRating, clock));
  }

  /** Where the data lives, for the log. */
  public String description() {
    return db.description;
  }

  @Override
  public Future<Boolean> savePlayer(String playerId, String name) {
    return calls.run("save_player", () -> db.pool.withTransaction(connection ->
        players.save(connection, playerId, name, now())));
  }

  @Override
  public Future<Integer> enter(String playerId, String name, String mode) {
    // A new player is inserted without the locking read savePlayer starts with: a concurrent
    // insert of the same player fails on the key, and StoreCalls runs the call again, which then
    // finds the row.
    return calls.run("enter_player", () -> db.pool.preparedQuery(db.sql(
            "SELECT p.name, r.rating FROM players p LEFT JOIN ratings r ON r.player_id = p.player_id AND r.mode = ?"
                + " WHERE p.player_id = ?"))
        .execute(Tuple.of(mode, playerId))
        .compose(rows -> {
          if (rows.size() == 0) {
            return db.pool.withTransaction(connection -> players.create(connection, playerId, name, now()))
                .map(initialRating);
          }
          Row row = rows.iterator().next();
          int rating = row.getInteger("rating") == null ? initialRating : row.getInteger("rating");
          return name.equals(row.getString("name")) ? Future.succeededFuture(rating)
              : db.pool.withTransaction(connection -> players.save(connection, playerId, name, now())).map(rating);
        }));
  }

  @Override
  public Future<AccountLink> addPasswordLogin(String playerId, String name, String username, String passwordHash) {
    return calls.run("add_password_login", () -> db.pool.withTransaction(connection ->
        accounts.addPasswordLogin(connection, playerId, name, username, passwordHash, now())));
  }

  @Override
  public Future<PasswordLogin> passwordLogin(String username) {
    return calls.run("password_login", () -> accounts.passwordLogin(username));
  }

  @Override
  public Future<IdentityPlayer> bindIdentity(String issuer, String subject, String playerId, String name) {
    return calls.run("bind_identity", () -> db.pool.withTransaction(connection ->
        accounts.bindIdentity(connection, issuer, subject, playerId, name, now())));
  }

  @Override
  public Future<Integer> rating(String playerId, String mode) {
    return calls.run("rating", () -> db.pool
        .preparedQuery(db.sql("SELECT rating FROM ratings WHERE player_id = ? AND mode = ?"))
        .execute(Tuple.of(playerId, mode))
        .map(rows -> rows.size() == 0 ? initialRating : rows.iterator().next().getInteger("rating")));
  }

  @Override
  public Future<Boolean> recordStart(MatchStart start) {
    return calls.run("record_start", () -> matches.recordStart(start, now()));
  }

  @Override
  public Future<RecordedMatch> recordEnd(MatchOutcome outcome) {
    return calls.run("record_end", () -> matches.recordEnd(outcome, now())
        .compose(recorded -> recorded != null ? Future.succeededFuture(recorded) : recordedEnd(outcome.roomId())));
  }

  private Future<RecordedMatch> recordedEnd(String roomId) {
    return db.pool.preparedQuery(db.sql("SELECT m.mode, m.end_tick, s.player_id, s.name, s.place, s.score,"
            + " s.rating_before, s.rating_after, s.left_match FROM matches m JOIN match_standings s"
            + " ON s.room_id = m.room_id WHERE m.room_id = ? ORDER BY s.position"))
        .execute(Tuple.of(roomId))
        .map(rows -> {
          List<RecordedMatch.Standing> standings = new ArrayList<>();
          String mode = "";
          long tick = 0;
          for (Row row : rows) {
            mode = row.getString("mode");
            tick = row.getLong("end_tick");
            standings.add(new RecordedMatch.Standing(row.getString("player_id"), row.getString("name"),
                row.getInteger("place"), row.getLong("score"), row.getInteger("rating_before"),
                row.getInteger("rating_after"), row.getBoolean("left_match")));
          }
          return new RecordedMatch(roomId, mode, tick, false, standings);
        });
  }

  @Override
  public Future<List<PlayedMatch>> recentMatches(String playerId, int limit) {
    return calls.run("recent_matches", () -> db.pool.preparedQuery(db.sql(
            "SELECT m.room_id, m.mode, m.ended_at, s.place, s.score, s.rating_before, s.rating_after, s.left_match,"
                + " (SELECT COUNT(*) FROM match_standings o WHERE o.room_id = m.room_id) AS players"
                + " FROM match_standings s JOIN matches m ON m.room_id = s.room_id"
                + " WHERE s.player_id = ? AND m.ended_at IS NOT NULL ORDER BY m.ended_at DESC, m.room_id LIMIT ?"))
        .execute(Tuple.of(playerId, limit))
        .map(rows -> {
          List<PlayedMatch> played = new ArrayList<>();
          for (Row row : rows) {
            played.add(new PlayedMatch(row.getString("room_id"), row.getString("mode"),
                row.getLocalDateTime("ended_at").toInstant(ZoneOffset.UTC), row.getInteger("players"),
                row.getInteger("place"), row.getLong("score"), row.getInteger("rating_before"),
                row.getInteger("rating_after"), row.getBoolean("left_match")));
          }
          return played;
        }));
  }

  @Override
  public Future<LeaderboardPage> leaderboard(String mode, int offset, int limit) {
    return calls.run("leaderboard", () -> db.pool
        .preparedQuery(db.sql("SELECT COUNT(*) AS total FROM ratings WHERE mode = ?")).execute(Tuple.of(mode))
        .compose(count -> db.pool.preparedQuery(db.sql(
                "SELECT r.player_id, p.name, r.rating, r.matches_played, r.wins,"
                    + " RANK() OVER (ORDER BY r.rating DESC) AS place"
                    + " FROM ratings r JOIN players p ON p.player_id = r.player_id"
                    + " WHERE r.mode = ? ORDER BY r.rating DESC, r.player_id LIMIT ? OFFSET ?"))
            .execute(Tuple.of(mode, limit, offset))
            .map(rows -> {
              List<LeaderboardEntry> entries = new ArrayList<>();
              rows.forEach(row -> entries.add(entry(row)));
              return new LeaderboardPage(mode, count.iterator().next().getLong("total"), offset, entries);
            })));
  }

  @Override
  public Future<LeaderboardEntry> standing(String playerId, String mode) {
    return calls.run("standing", () -> db.pool.preparedQuery(db.sql(
            "SELECT r.player_id, p.name, r.rating, r.matches_played, r.wins,"
                + " (SELECT COUNT(*) FROM ratings o WHERE o.mode = r.mode AND o.rating > r.rating) + 1 AS place"
                + " FROM ratings r JOIN players p ON p.player_id = r.player_id WHERE r.player_id = ? AND r.mode = ?"))
        .execute(Tuple.of(playerId, mode))
        .map(rows -> rows.size() == 0 ? null : entry(rows.iterator().next())));
  }

  private static LeaderboardEntry entry(Row row) {
    return new LeaderboardEntry(row.getInteger("place"), row.getString("player_id"), row.getString("name"),
        row.getInteger("rating"), row.getInteger("matches_played"), row.getInteger("wins"));
  }

  @Override
  public Future<Void> ping() {
    // Straight to the database, past the breaker: readiness reports the database, not the breaker.
    return db.pool.query("SELECT 1").execute().mapEmpty();
  }

  @Override
  public Future<List<OutboxEvent>> pending(int max) {
    return calls.run("outbox_pending", () -> outbox.pending(max));
  }

  @Override
  public Future<Void> markPublished(List<Long> seqs) {
    return calls.run("outbox_mark", () -> outbox.markPublished(seqs, now()));
  }

  @Override
  public Future<Long> depth() {
    return calls.run("outbox_depth", outbox::depth);
  }

  @Override
  public Future<Void> close() {
    return db.close();
  }

  /** UTC wall time to the microsecond, the precision both databases keep. */
  private LocalDateTime now() {
    return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
