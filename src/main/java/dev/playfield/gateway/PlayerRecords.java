package dev.playfield.gateway;

import dev.playfield.store.StoreMessages;
import dev.playfield.protocol.v1.ErrorCode;
import dev.playfield.protocol.v1.GetLeaderboard;
import dev.playfield.protocol.v1.GetRecentMatches;
import dev.playfield.protocol.v1.ServerMessage;
import dev.playfield.store.PlayerStore;
import io.vertx.core.Future;
import java.util.Set;

/**
 * A logged-in player's questions about the record: their recent matches, a mode's leaderboard with
 * their own line. Answers are read from the store on each request (the leaderboard the HTTP API
 * serves is cached; a player asking about themselves sees their latest match). Stateless.
 */
final class PlayerRecords {

  static final int DEFAULT_RECENT = 10;
  static final int MAX_RECENT = 50;
  static final int DEFAULT_PAGE = 20;
  static final int MAX_PAGE = 100;
  static final int MAX_OFFSET = 1_000_000;

  /** A request refused for its arguments, with the code to answer. */
  static final class Refused extends RuntimeException {
    final ErrorCode code;

    Refused(ErrorCode code, String message) {
      super(message, null, false, false);
      this.code = code;
    }
  }

  private final PlayerStore store;
  private final Set<String> modes;

  PlayerRecords(PlayerStore store, Set<String> modes) {
    this.store = store;
    this.modes = modes;
  }

  /** Fails with {@link Refused} for a limit out of range; with the store's failure when it cannot answer. */
  Future<ServerMessage.Builder> recentMatches(String playerId, GetRecentMatches request) {
    int limit = request.getLimit() == 0 ? DEFAULT_RECENT : request.getLimit();
    if (limit < 1 || limit > MAX_RECENT) {
      return Future.failedFuture(new Refused(ErrorCode.INVALID_ARGUMENT, "limit must be 1 to " + MAX_RECENT));
    }
    return store.recentMatches(playerId, limit)
        .map(played -> ServerMessage.newBuilder().setRecentMatches(StoreMessages.recentMatches(played)));
  }

  /** Fails with {@link Refused} for an unknown mode or a page out of range. */
  Future<ServerMessage.Builder> leaderboard(String playerId, GetLeaderboard request) {
    if (!modes.contains(request.getMode())) {
      return Future.failedFuture(new Refused(ErrorCode.UNKNOWN_MODE, "no mode named '" + request.getMode() + "'"));
    }
    int limit = request.getLimit() == 0 ? DEFAULT_PAGE : request.getLimit();
    if (limit < 1 || limit > MAX_PAGE || request.getOffset() < 0 || request.getOffset() > MAX_OFFSET) {
      return Future.failedFuture(new Refused(ErrorCode.INVALID_ARGUMENT,
          "limit must be 1 to " + MAX_PAGE + " and offset 0 to " + MAX_OFFSET));
    }
    return store.leaderboard(request.getMode(), request.getOffset(), limit)
        .compose(page -> store.standing(playerId, request.getMode())
            .map(you -> ServerMessage.newBuilder().setLeaderboard(StoreMessages.leaderboard(page, you))));
  }
}
