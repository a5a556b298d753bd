package dev.playfield.store.sql;

import dev.playfield.store.AccountLink;
import dev.playfield.store.IdentityPlayer;
import dev.playfield.store.PasswordLogin;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.LocalDateTime;

/**
 * The password logins and external identities tables. Writes run inside a caller's transaction;
 * two transactions binding the same key at once: one fails on the primary key and is retried by
 * {@link StoreCalls}, then finds the row the other wrote.
 */
final class AccountRows {

  private final StoreDatabase db;
  private final PlayerRows players;

  AccountRows(StoreDatabase db, PlayerRows players) {
    this.db = db;
    this.players = players;
  }

  Future<AccountLink> addPasswordLogin(SqlConnection connection, String playerId, String name, String username,
      String passwordHash, LocalDateTime now) {
    return connection.preparedQuery(db.sql("SELECT username, player_id FROM password_logins"
            + " WHERE username = ? OR player_id = ?"))
        .execute(Tuple.of(username, playerId))
        .compose(rows -> {
          for (Row row : rows) {
            return Future.succeededFuture(username.equals(row.getString("username"))
                ? AccountLink.USERNAME_TAKEN : AccountLink.PLAYER_HAS_ONE);
          }
          return players.save(connection, playerId, name, now)
              .compose(created -> connection.preparedQuery(db.sql("INSERT INTO password_logins"
                      + " (username, player_id, password_hash, created_at) VALUES (?, ?, ?, ?)"))
                  .execute(Tuple.of(username, playerId, passwordHash, now)))
              .map(AccountLink.LINKED);
        });
  }

  Future<PasswordLogin> passwordLogin(String username) {
    return db.pool.preparedQuery(db.sql("SELECT l.player_id, p.name, l.password_hash FROM password_logins l"
            + " JOIN players p ON p.player_id = l.player_id WHERE l.username = ?"))
        .execute(Tuple.of(username))
        .map(rows -> {
          for (Row row : rows) {
            return new PasswordLogin(row.getString("player_id"), row.getString("name"), row.getString("password_hash"));
          }
          return null;
        });
  }

  Future<IdentityPlayer> bindIdentity(SqlConnection connection, String issuer, String subject, String playerId,
      String name, LocalDateTime now) {
    return connection.preparedQuery(db.sql("SELECT i.player_id, p.name FROM external_identities i"
            + " JOIN players p ON p.player_id = i.player_id WHERE i.issuer = ? AND i.subject = ?"))
        .execute(Tuple.of(issuer, subject))
        .compose(rows -> {
          for (Row row : rows) {
            return Future.succeededFuture(new IdentityPlayer(row.getString("player_id"), row.getString("name"), false));
          }
          return players.save(connection, playerId, name, now)
              .compose(created -> connection.preparedQuery(db.sql("INSERT INTO external_identities"
                      + " (issuer, subject, player_id, created_at) VALUES (?, ?, ?, ?)"))
                  .execute(Tuple.of(issuer, subject, playerId, now)))
              .map(new IdentityPlayer(playerId, name, true));
        });
  }
}
