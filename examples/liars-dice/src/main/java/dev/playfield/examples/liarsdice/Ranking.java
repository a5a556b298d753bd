package dev.playfield.examples.liarsdice;

import dev.playfield.examples.liarsdice.proto.SeatStatus;
import dev.playfield.game.Standing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks the players: those still in first (by dice held: at the end, the winner alone), then the
 * eliminated, the last to go out best, then those who left, all sharing the last place. Equal
 * places share a rank (1, 2, 2, 4). A player's score is how many players rank below them.
 */
final class Ranking {

  private Ranking() {}

  static List<Standing> of(Table table) {
    List<Seat> ordered = new ArrayList<>(table.seats());
    ordered.sort(Comparator.comparingLong(Ranking::strength).reversed().thenComparingInt(Seat::slot));
    int[] ranks = new int[ordered.size()];
    for (int place = 0; place < ordered.size(); place++) {
      boolean tied = place > 0 && strength(ordered.get(place - 1)) == strength(ordered.get(place));
      ranks[place] = tied ? ranks[place - 1] : place + 1;
    }
    List<Standing> standings = new ArrayList<>(ordered.size());
    for (int place = 0; place < ordered.size(); place++) {
      long below = 0;
      for (int other = place + 1; other < ordered.size(); other++) {
        if (ranks[other] > ranks[place]) {
          below++;
        }
      }
      standings.add(new Standing(ordered.get(place).slot(), ranks[place], below));
    }
    return List.copyOf(standings);
  }

  /** Higher is better: in with more dice, above eliminated later, above eliminated earlier, above left. */
  private static long strength(Seat seat) {
    if (seat.in()) {
      return 2_000_000L + seat.diceCount();
    }
    return seat.status() == SeatStatus.SEAT_STATUS_ELIMINATED ? 1_000_000L + seat.outOrder() : 0;
  }
}
