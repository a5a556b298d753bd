package dev.playfield.room;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.game.Standing;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FinalStandingsTest {

  @Test
  void leaversRankLast() {
    // A 0-0 game: the game ranks everyone first; the leaver must not share that place.
    List<Standing> game = List.of(new Standing(0, 1, 0), new Standing(1, 1, 0), new Standing(2, 1, 0));

    List<FinalStandings.Ranked> ranked = FinalStandings.rank(game, slot -> slot == 0);

    assertThat(ranked).containsExactly(
        new FinalStandings.Ranked(1, 1, 0, false),
        new FinalStandings.Ranked(2, 1, 0, false),
        new FinalStandings.Ranked(0, 3, 0, true));
  }

  @Test
  void aLeaderWhoLeftRanksAfterEveryoneWhoStayed() {
    List<Standing> game = List.of(new Standing(2, 1, 9), new Standing(0, 2, 5), new Standing(1, 3, 1));

    List<FinalStandings.Ranked> ranked = FinalStandings.rank(game, slot -> slot == 2);

    assertThat(ranked).extracting(FinalStandings.Ranked::slot).containsExactly(0, 1, 2);
    assertThat(ranked).extracting(FinalStandings.Ranked::rank).containsExactly(1, 2, 3);
  }

  @Test
  void tiesKeepTheGamesRankingInCompetitionStyle() {
    // Those who stayed scored 9, 7, 5, 5, 2: 1, 2, 3, 3, 5; the two leavers come after, 6 and 7.
    List<Standing> game = List.of(new Standing(0, 1, 9), new Standing(5, 2, 8), new Standing(1, 3, 7),
        new Standing(2, 4, 5), new Standing(3, 4, 5), new Standing(6, 4, 5), new Standing(4, 7, 2));
    Set<Integer> left = Set.of(5, 6);

    List<FinalStandings.Ranked> ranked = FinalStandings.rank(game, left::contains);

    assertThat(ranked).extracting(FinalStandings.Ranked::slot).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(ranked).extracting(FinalStandings.Ranked::rank).containsExactly(1, 2, 3, 3, 5, 6, 7);
    assertThat(ranked).extracting(FinalStandings.Ranked::left)
        .containsExactly(false, false, false, false, false, true, true);
  }
}
