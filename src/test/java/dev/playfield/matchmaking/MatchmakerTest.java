package dev.playfield.matchmaking;

import dev.playfield.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.playfield.matchmaking.Matchmaker.FormedMatch;
import dev.playfield.matchmaking.Matchmaker.JoinResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchmakerTest {

  private static final QueueRules DUEL = new QueueRules(2, 2, Duration.ofSeconds(30), 100, 10, 400);
  private static final QueueRules ARENA =
      new QueueRules(8, 4, Duration.ofSeconds(30), 100, 10, 400);

  private final MutableClock clock = MutableClock.atEpoch();
  private final Matchmaker matchmaker = new Matchmaker(Map.of("duel", DUEL, "arena", ARENA), clock);

  @Test
  void aJoinedPlayerWaitsInThatMode() {
    assertThat(matchmaker.join("duel", "alice", 1000, null)).isEqualTo(JoinResult.QUEUED);

    assertThat(matchmaker.modeOf("alice")).contains("duel");
    assertThat(matchmaker.waiting("duel")).isEqualTo(1);
    assertThat(matchmaker.waiting("arena")).isZero();
  }

  @Test
  void anUnknownModeIsRefused() {
    assertThat(matchmaker.join("chess", "alice", 1000, null)).isEqualTo(JoinResult.UNKNOWN_MODE);

    assertThat(matchmaker.modeOf("alice")).isEmpty();
    assertThat(matchmaker.waiting("chess")).isZero();
  }

  @Test
  void aPlayerWaitsInOneQueueAtATime() {
    matchmaker.join("duel", "alice", 1000, null);

    assertThat(matchmaker.join("duel", "alice", 1000, null)).isEqualTo(JoinResult.ALREADY_QUEUED);
    assertThat(matchmaker.join("arena", "alice", 1000, null))
        .isEqualTo(JoinResult.ALREADY_QUEUED);

    assertThat(matchmaker.modeOf("alice")).contains("duel");
    assertThat(matchmaker.waiting("arena")).isZero();
  }

  @Test
  void leavingReturnsTheModeLeftAndFreesThePlayer() {
    matchmaker.join("arena", "alice", 1000, null);

    assertThat(matchmaker.leave("alice")).contains("arena");
    assertThat(matchmaker.leave("alice")).isEmpty();
    assertThat(matchmaker.modeOf("alice")).isEmpty();
    assertThat(matchmaker.waiting("arena")).isZero();
    assertThat(matchmaker.join("duel", "alice", 1000, null)).isEqualTo(JoinResult.QUEUED);
  }

  @Test
  void aLeaverIsNotMatched() {
    matchmaker.join("duel", "alice", 1000, null);
    matchmaker.join("duel", "bob", 1000, null);
    matchmaker.leave("bob");

    assertThat(matchmaker.process()).isEmpty();
  }

  @Test
  void aFullQueueRefusesWithoutRecordingThePlayer() {
    Matchmaker small = new Matchmaker(Map.of("arena", ARENA), clock, 2);
    small.join("arena", "alice", 1000, null);
    small.join("arena", "bob", 1000, null);

    assertThat(small.join("arena", "carol", 1000, null)).isEqualTo(JoinResult.QUEUE_FULL);
    assertThat(small.modeOf("carol")).isEmpty();
  }

  @Test
  void processFormsMatchesInEveryModeAndFreesTheirPlayers() {
    matchmaker.join("duel", "alice", 1000, null);
    matchmaker.join("duel", "bob", 1010, null);
    for (int i = 0; i < 8; i++) {
      matchmaker.join("arena", "a" + i, 1500, null);
    }

    List<FormedMatch> formed = matchmaker.process();

    assertThat(formed).extracting(FormedMatch::mode).containsExactly("arena", "duel");
    assertThat(formed.get(0).tickets()).hasSize(8);
    assertThat(formed.get(1).tickets())
        .extracting(Ticket::playerId)
        .containsExactly("alice", "bob");
    assertThat(matchmaker.modeOf("alice")).isEmpty();
    assertThat(matchmaker.modeOf("a0")).isEmpty();
    assertThat(matchmaker.waiting("arena")).isZero();
    assertThat(matchmaker.join("duel", "alice", 1000, null)).isEqualTo(JoinResult.QUEUED);
  }

  @Test
  void modesDoNotMix() {
    matchmaker.join("duel", "alice", 1000, null);
    matchmaker.join("arena", "bob", 1000, null);

    clock.advance(Duration.ofMinutes(5));

    assertThat(matchmaker.process()).isEmpty();
  }

  @Test
  void modesAreListedByNameAndReadOnly() {
    assertThat(matchmaker.modes()).containsExactly("arena", "duel");
    assertThatThrownBy(() -> matchmaker.modes().add("chess"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
