package dev.playfield.room;

import dev.playfield.game.Standing;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * The ranking a match ends with: the game's ranking of the players who stayed, then every player
 * who left (or whose grace window ran out), whatever their score, so that a leaver never shares a
 * place with a player who stayed. Within each group the game's order and its ties are kept, ranked
 * in the standard competition style (1, 2, 3, 3, 5). Pure logic.
 */
final class FinalStandings {

  /** One player's final place. */
  record Ranked(int slot, int rank, long score, boolean left) {}

  private FinalStandings() {}

  /**
   * @param game the game's standings, best first, one per slot
   * @param left whether the player in a slot left the match
   */
  static List<Ranked> rank(List<Standing> game, IntPredicate left) {
    List<Standing> stayed = game.stream().filter(s -> !left.test(s.slot())).toList();
    List<Standing> leavers = game.stream().filter(s -> left.test(s.slot())).toList();
    List<Ranked> out = new ArrayList<>(game.size());
    addGroup(out, stayed, 0, false);
    addGroup(out, leavers, stayed.size(), true);
    return List.copyOf(out);
  }

  /** Ranks a group after {@code placesBefore} places; equal game ranks stay tied. */
  private static void addGroup(List<Ranked> out, List<Standing> group, int placesBefore, boolean left) {
    int rank = 0;
    for (int place = 0; place < group.size(); place++) {
      Standing standing = group.get(place);
      if (place == 0 || group.get(place - 1).rank() != standing.rank()) {
        rank = placesBefore + place + 1;
      }
      out.add(new Ranked(standing.slot(), rank, standing.score(), left));
    }
  }
}
