package dev.playfield.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * The store of record: players, their rating in each mode, finished matches and the leaderboards
 * built from them. The node's one source of truth for all of these (a cache may sit in front of
 * reads, never of writes). Every method may be called from any thread, never blocks, and fails its
 * future (never throws) when the database cannot be reached.
 */
public interface PlayerStore {

  /**
   * Makes sure the player exists, with {@code name} as their current display name. The first time
   * a player is seen an {@code account.created} event is written with the row.
   *
   * @return true when the player was created by this call
   */
  Future<Boolean> savePlayer(String playerId, String name);

  /**
   * What a login or a resume needs: saves the player as {@link #savePlayer} does and answers their
   * rating in {@code mode}. A player already stored under {@code name} (a returning player, every
   * resume) costs one query; only a new player or a new name writes.
   */
  Future<Integer> enter(String playerId, String name, String mode);

  /**
   * Gives the player a username that logs in with a password: makes sure the player exists (as
   * {@link #savePlayer} does, with its event) and binds {@code username} to it, in one transaction.
   * {@code username} is already normalized (lower case); {@code passwordHash} is stored as given.
   * Nothing changes when the username belongs to any player or the player already has one.
   */
  Future<AccountLink> addPasswordLogin(String playerId, String name, String username, String passwordHash);

  /** The password login of a normalized username, or null when there is none. */
  Future<PasswordLogin> passwordLogin(String username);

  /**
   * The player an external identity ({@code issuer}, {@code subject}) logs in as. When the identity
   * is new it is bound to {@code playerId}, which is created (as {@link #savePlayer} does) when it
   * does not exist; an identity already bound answers its own player and ignores the arguments.
   */
  Future<IdentityPlayer> bindIdentity(String issuer, String subject, String playerId, String name);

  /** The player's rating in {@code mode}, or the initial rating when they have not played it. */
  Future<Integer> rating(String playerId, String mode);

  /**
   * Records that a match started, with its {@code match.started} event. A second call for the same
   * room id changes nothing.
   *
   * @return true when this call recorded the start
   */
  Future<Boolean> recordStart(MatchStart start);

  /**
   * Records a finished match once by its room id: the match, every player's new rating in its mode
   * (each {@link MatchOutcome.Result#ratingDelta()} added to the rating the store holds, floored at
   * 0), the standings and the {@code match.ended} event, in one transaction. When the room's result
   * is already recorded (a finish retried, replayed after a failover, delivered twice) nothing
   * changes and the answer is the result recorded the first time.
   */
  Future<RecordedMatch> recordEnd(MatchOutcome outcome);

  /** The player's last {@code limit} finished matches, the latest first. */
  Future<List<PlayedMatch>> recentMatches(String playerId, int limit);

  /**
   * One page of the mode's leaderboard: by rating, best first; equal ratings share a rank and the
   * next rank skips (1, 2, 2, 4); among equals, by player id.
   */
  Future<LeaderboardPage> leaderboard(String mode, int offset, int limit);

  /** The player's own entry on the mode's leaderboard, or null when they have not played the mode. */
  Future<LeaderboardEntry> standing(String playerId, String mode);

  /** Completes when the database answers a trivial query (the readiness check). */
  Future<Void> ping();

  /** Closes the connections; the store answers nothing after. */
  Future<Void> close();
}
