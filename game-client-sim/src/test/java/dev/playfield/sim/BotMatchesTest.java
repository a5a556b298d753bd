package dev.playfield.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a bot's matches end up counted: completed, aborted (seat lost, given up) or open at the end. */
class BotMatchesTest {

  private static final long WAIT = BotMatches.MATCH_END_AFTER_RESUME_NANOS;

  private final Metrics metrics = new Metrics();
  private final BotMatches bot = new BotMatches(metrics);

  @Test
  void aMatchSeenToItsEndIsCompleted() {
    bot.found("r1");
    assertThat(bot.ended("r2")).as("another room's end").isFalse();
    assertThat(bot.ended("r1")).isTrue();
    assertThat(bot.inMatch()).isFalse();
    assertThat(metrics.matchCounts()).containsExactly(1, 1, 0, 0);
  }

  @Test
  void aMatchEndAfterAResumeWithoutTheSeatCompletesTheMatch() {
    bot.found("r1");
    bot.resumedWithoutSeat(0);
    assertThat(bot.inMatch()).isFalse();
    bot.check(WAIT - 1);
    assertThat(bot.ended("r1")).as("not the current match: the bot has moved on").isFalse();
    bot.check(WAIT + 1);
    assertThat(metrics.matchCounts()).containsExactly(1, 1, 0, 0);
    assertThat(metrics.matchEndsAfterResume.sum()).isEqualTo(1);
    assertThat(metrics.seatsLost.sum()).isZero();
  }

  @Test
  void noMatchEndWithinTheWaitAfterAResumeWithoutTheSeatIsASeatLost() {
    bot.found("r1");
    bot.resumedWithoutSeat(0);
    bot.found("r2"); // queued again and placed while the wait runs
    bot.check(WAIT);
    assertThat(bot.ended("r1")).as("too late to count").isFalse();
    assertThat(metrics.seatsLost.sum()).isEqualTo(1);
    assertThat(metrics.matchEndsAfterResume.sum()).isZero();
    bot.runOver();
    assertThat(metrics.matchCounts()).as("r1 aborted, r2 open at the end").containsExactly(2, 0, 1, 1);
  }

  @Test
  void aRefusedResumeLosesTheSeatAndGivingUpLosesTheMatchWithoutASeatLost() {
    bot.found("r1");
    bot.seatLost();
    bot.found("r2");
    bot.lose();
    assertThat(metrics.seatsLost.sum()).isEqualTo(1);
    assertThat(metrics.matchCounts()).containsExactly(2, 0, 2, 0);
  }

  @Test
  void oneBotLosingARoomAbortsItEvenWhenTheOthersSawItEnd() {
    BotMatches other = new BotMatches(metrics);
    bot.found("r1");
    other.found("r1");
    other.ended("r1");
    bot.lose();
    assertThat(metrics.matchCounts()).containsExactly(1, 0, 1, 0);
  }
}
