package dev.playfield.arena;

import dev.playfield.game.Standing;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Ranks every player, present or not, by score: best first, equal scores share a rank (1, 1, 3). */
final class StandingsTable {

  private StandingsTable() {}

  static List<Standing> rank(List<Avatar> avatars) {
    List<Avatar> ordered = new ArrayList<>(avatars);
    ordered.sort(Comparator.comparingInt(Avatar::score).reversed().thenComparingInt(Avatar::slot));
    List<Standing> standings = new ArrayList<>(ordered.size());
    int rank = 0;
    for (int place = 0; place < ordered.size(); place++) {
      Avatar avatar = ordered.get(place);
      boolean tiedWithPrevious = place > 0 && ordered.get(place - 1).score() == avatar.score();
      if (!tiedWithPrevious) {
        rank = place + 1;
      }
      standings.add(new Standing(avatar.slot(), rank, avatar.score()));
    }
    return List.copyOf(standings);
  }
}
