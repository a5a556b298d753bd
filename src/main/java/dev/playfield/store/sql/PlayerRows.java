package dev.playfield.store.sql;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;

/** The players table, written inside a caller's transaction. */
final class PlayerRows {

  private final StoreDatabase db;
  private final OutboxRows outbox;

  PlayerRows(StoreDatabase db, OutboxRows outbox) {
    this.db = db;
    this.outbox = outbox;
  }

  /**
   * Creates the player with an {@code account.created} event, or updates the display name; true
   * when created. Two transactions creating the same player at once: one fails on the primary key
   * and is retried by {@link StoreCalls}, then finds the row.
   */
  Future<Boolean> save(SqlConnection connection, String playerId, String name, LocalDateTime now) {
    return connection.preparedQuery(db.sql("SELECT name FROM players WHERE player_id = ? FOR UPDATE"))
        .execute(Tuple.of(playerId))
        .compose(rows -> rows.size() > 0 ? rename(connection, rows, playerId, name) : create(connection, playerId, name, now));
  }

  private Future<Boolean> rename(SqlConnection connection, RowSet<Row> rows, String playerId, String name) {
    if (name.equals(rows.iterator().next().getString("name"))) {
      return Future.succeededFuture(false);
    }
    return connection.preparedQuery(db.sql("UPDATE players SET name = ? WHERE player_id = ?"))
        .execute(Tuple.of(name, playerId)).map(false);
  }

  /** Inserts a player not stored yet, with its {@code account.created} event; fails on the key if it is. */
  Future<Boolean> create(SqlConnection connection, String playerId, String name, LocalDateTime now) {
    return connection.preparedQuery(db.sql("INSERT INTO players (player_id, name, created_at) VALUES (?, ?, ?)"))
        .execute(Tuple.of(playerId, name, now))
        .compose(inserted -> outbox.append(connection, OutboxRows.ACCOUNT_CREATED, null,
            new JsonObject().put("playerId", playerId).put("name", name), now))
        .map(true);
  }
}
