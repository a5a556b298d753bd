package dev.playfield.matchmaking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueRulesTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Test
  void acceptsSensibleRules() {
    QueueRules rules = new QueueRules(8, 4, TIMEOUT, 100, 10, 400);

    assertThat(rules.matchSize()).isEqualTo(8);
    assertThat(rules.minPlayers()).isEqualTo(4);
  }

  @Test
  void rejectsMinPlayersOutsideOneToMatchSize() {
    assertThatThrownBy(() -> new QueueRules(8, 0, TIMEOUT, 100, 10, 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minPlayers=0");
    assertThatThrownBy(() -> new QueueRules(8, 9, TIMEOUT, 100, 10, 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minPlayers <= matchSize");
    assertThatThrownBy(() -> new QueueRules(0, 0, TIMEOUT, 100, 10, 400))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rejectsNegativeNumbersAndMissingTimeout() {
    assertThatThrownBy(() -> new QueueRules(8, 4, Duration.ofSeconds(-1), 100, 10, 400))
        .hasMessageContaining("fillTimeout");
    assertThatThrownBy(() -> new QueueRules(8, 4, TIMEOUT, -1, 10, 400))
        .hasMessageContaining("baseRatingGap");
    assertThatThrownBy(() -> new QueueRules(8, 4, TIMEOUT, 100, -1, 400))
        .hasMessageContaining("gapWidenPerSecond");
    assertThatThrownBy(() -> new QueueRules(8, 4, TIMEOUT, 0, 10, -1))
        .hasMessageContaining("maxRatingGap");
    assertThatThrownBy(() -> new QueueRules(8, 4, null, 100, 10, 400))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("fillTimeout");
  }

  @Test
  void rejectsBaseGapAboveTheCap() {
    assertThatThrownBy(() -> new QueueRules(8, 4, TIMEOUT, 500, 10, 400))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseRatingGap (500) must not exceed maxRatingGap (400)");
  }

  @Test
  void gapWidensPerWholeSecondUpToTheCap() {
    QueueRules rules = new QueueRules(8, 4, TIMEOUT, 100, 10, 400);

    assertThat(rules.ratingGapAfter(Duration.ZERO)).isEqualTo(100);
    assertThat(rules.ratingGapAfter(Duration.ofMillis(1999))).isEqualTo(110);
    assertThat(rules.ratingGapAfter(Duration.ofSeconds(15))).isEqualTo(250);
    assertThat(rules.ratingGapAfter(Duration.ofSeconds(30))).isEqualTo(400);
    assertThat(rules.ratingGapAfter(Duration.ofSeconds(31))).isEqualTo(400);
  }

  @Test
  void gapSurvivesHugeWaitsAndClocksThatStepBack() {
    QueueRules rules = new QueueRules(8, 4, TIMEOUT, 100, Integer.MAX_VALUE, Integer.MAX_VALUE);

    assertThat(rules.ratingGapAfter(Duration.ofDays(365_000))).isEqualTo(Integer.MAX_VALUE);
    assertThat(rules.ratingGapAfter(Duration.ofSeconds(-5))).isEqualTo(100);
  }
}
