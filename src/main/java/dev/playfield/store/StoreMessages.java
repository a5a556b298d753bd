package dev.playfield.store;

import dev.playfield.protocol.v1.Leaderboard;
import dev.playfield.protocol.v1.LeaderboardEntry;
import dev.playfield.protocol.v1.PlayedMatch;
import dev.playfield.protocol.v1.RecentMatches;
import java.util.List;

/**
 * The store's answers as protocol messages: a player's recent matches and a leaderboard page, the
 * same message over WebSocket and (printed as JSON) over HTTP.
 */
public final class StoreMessages {

  private StoreMessages() {}

  /** The page, with the asking player's own entry when {@code you} is not null. */
  public static Leaderboard leaderboard(LeaderboardPage page, dev.playfield.store.LeaderboardEntry you) {
    Leaderboard.Builder board = Leaderboard.newBuilder().setMode(page.mode())
        .setTotal((int) Math.min(Integer.MAX_VALUE, page.total())).setOffset(page.offset());
    page.entries().forEach(entry -> board.addEntries(entry(entry)));
    if (you != null) {
      board.setYou(entry(you));
    }
    return board.build();
  }

  public static RecentMatches recentMatches(List<dev.playfield.store.PlayedMatch> played) {
    RecentMatches.Builder recent = RecentMatches.newBuilder();
    for (dev.playfield.store.PlayedMatch match : played) {
      recent.addMatches(PlayedMatch.newBuilder().setRoomId(match.roomId()).setMode(match.mode())
          .setEndedAtMs(match.endedAt().toEpochMilli()).setPlayers(match.players()).setRank(match.rank())
          .setScore(match.score()).setRatingBefore(match.ratingBefore()).setRatingAfter(match.ratingAfter())
          .setLeft(match.left()));
    }
    return recent.build();
  }

  private static LeaderboardEntry entry(dev.playfield.store.LeaderboardEntry entry) {
    return LeaderboardEntry.newBuilder().setRank(entry.rank()).setPlayerId(entry.playerId()).setName(entry.name())
        .setRating(entry.rating()).setMatches(entry.matches()).setWins(entry.wins()).build();
  }
}
