package dev.playfield.store.sql;

import dev.playfield.events.OutboxEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox table: events appended inside the transaction that writes what they describe, read
 * and marked delivered by the publisher. An event's payload is its JSON with a fresh UUID as
 * {@code id}, its {@code type} and {@code occurredAt} (ISO-8601, UTC) first.
 */
final class OutboxRows {

  static final String MATCH_STARTED = "match.started";
  static final String MATCH_ENDED = "match.ended";
  static final String ACCOUNT_CREATED = "account.created";

  private final StoreDatabase db;

  OutboxRows(StoreDatabase db) {
    this.db = db;
  }

  /** Appends an event on {@code connection} (inside the caller's transaction). */
  Future<Void> append(SqlClient connection, String type, String roomId, JsonObject body, LocalDateTime now) {
    String id = UUID.randomUUID().toString();
    JsonObject payload = new JsonObject().put("id", id).put("type", type)
        .put("occurredAt", now.toInstant(ZoneOffset.UTC).toString());
    payload.mergeIn(body);
    return connection.preparedQuery(db.sql(
            "INSERT INTO outbox (id, type, room_id, payload, created_at) VALUES (?, ?, ?, ?, ?)"))
        .execute(Tuple.of(id, type, roomId, payload.encode(), now))
        .mapEmpty();
  }

  Future<List<OutboxEvent>> pending(int max) {
    return db.pool.preparedQuery(db.sql(
            "SELECT seq, id, type, room_id, payload FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT ?"))
        .execute(Tuple.of(max))
        .map(rows -> {
          List<OutboxEvent> events = new ArrayList<>();
          for (Row row : rows) {
            events.add(new OutboxEvent(row.getLong("seq"), row.getString("id"), row.getString("type"),
                row.getString("room_id"), row.getString("payload")));
          }
          return events;
        });
  }

  Future<Void> markPublished(List<Long> seqs, LocalDateTime now) {
    if (seqs.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = seqs.stream().map(seq -> Tuple.of(now, seq)).toList();
    return db.pool.preparedQuery(db.sql("UPDATE outbox SET published_at = ? WHERE seq = ? AND published_at IS NULL"))
        .executeBatch(batch)
        .mapEmpty();
  }

  Future<Long> depth() {
    return db.pool.query("SELECT COUNT(*) AS depth FROM outbox WHERE published_at IS NULL").execute()
        .map(rows -> rows.iterator().next().getLong("depth"));
  }
}
