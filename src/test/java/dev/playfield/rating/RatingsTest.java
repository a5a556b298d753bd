package dev.playfield.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.rating.Ratings.RatedResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingsTest {

  private static final int K = 32;

  @Test
  void betweenEqualsTheWinnerGainsHalfOfKAndTheLoserLosesIt() {
    Map<String, Integer> updated =
        Ratings.update(List.of(result("win", 1500, 1), result("lose", 1500, 2)), K);

    assertThat(updated).containsExactly(Map.entry("win", 1516), Map.entry("lose", 1484));
  }

  @Test
  void anUpsetMovesRatingsMoreThanAnExpectedResult() {
    Map<String, Integer> expected =
        Ratings.update(List.of(result("strong", 1800, 1), result("weak", 1400, 2)), K);
    Map<String, Integer> upset =
        Ratings.update(List.of(result("strong", 1800, 2), result("weak", 1400, 1)), K);

    int expectedGain = expected.get("strong") - 1800;
    int upsetGain = upset.get("weak") - 1400;
    assertThat(expectedGain).isPositive();
    assertThat(upsetGain).isGreaterThan(expectedGain);
  }

  @Test
  void changesInAMultiplayerMatchSumToZeroWithinRounding() {
    List<RatedResult> results =
        List.of(
            result("a", 1620, 3),
            result("b", 1480, 1),
            result("c", 1555, 4),
            result("d", 1300, 2),
            result("e", 1710, 5));

    Map<String, Integer> updated = Ratings.update(results, K);

    int sumOfChanges =
        results.stream().mapToInt(r -> updated.get(r.playerId()) - r.rating()).sum();
    assertThat(Math.abs(sumOfChanges)).isLessThanOrEqualTo(results.size() / 2);
    assertThat(updated.get("b")).isGreaterThan(1480);
    assertThat(updated.get("e")).isLessThan(1710);
  }

  @Test
  void equalsWhoTieDoNotMove() {
    Map<String, Integer> updated =
        Ratings.update(List.of(result("a", 1500, 1), result("b", 1500, 1)), K);

    assertThat(updated).containsEntry("a", 1500).containsEntry("b", 1500);
  }

  @Test
  void aTieWithAStrongerPlayerIsAGain() {
    Map<String, Integer> updated =
        Ratings.update(List.of(result("strong", 1700, 1), result("weak", 1300, 1)), K);

    assertThat(updated.get("weak")).isGreaterThan(1300);
    assertThat(updated.get("strong")).isLessThan(1700);
  }

  @Test
  void playersSharingARankScoreADrawBetweenThemselves() {
    // Two tied winners over one loser: each tied winner gains the same.
    Map<String, Integer> updated =
        Ratings.update(
            List.of(result("a", 1500, 1), result("b", 1500, 1), result("c", 1500, 3)), K);

    assertThat(updated.get("a")).isEqualTo(updated.get("b")).isEqualTo(1508);
    assertThat(updated.get("c")).isEqualTo(1484);
  }

  @Test
  void aSinglePlayerMatchChangesNothing() {
    assertThat(Ratings.update(List.of(result("solo", 1234, 1)), K))
        .containsExactly(Map.entry("solo", 1234));
    assertThat(Ratings.update(List.of(), K)).isEmpty();
  }

  @Test
  void ratingsNeverGoBelowZero() {
    Map<String, Integer> updated =
        Ratings.update(List.of(result("win", 5, 1), result("lose", 5, 2)), K);

    assertThat(updated).containsEntry("lose", 0).containsEntry("win", 21);
  }

  @Test
  void theResultFollowsTheInputOrder() {
    Map<String, Integer> updated =
        Ratings.update(
            List.of(result("z", 1500, 2), result("a", 1500, 1), result("m", 1500, 3)), K);

    assertThat(updated.keySet()).containsExactly("z", "a", "m");
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(
            () -> Ratings.update(List.of(result("a", 1500, 1), result("a", 1400, 2)), K))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("player a appears twice");
    assertThatThrownBy(() -> Ratings.update(List.of(), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kFactor");
    assertThatThrownBy(() -> result("a", 1500, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rank");
  }

  private static RatedResult result(String playerId, int rating, int rank) {
    return new RatedResult(playerId, rating, rank);
  }
}
