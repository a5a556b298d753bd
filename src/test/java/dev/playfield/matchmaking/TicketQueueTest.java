package dev.playfield.matchmaking;

import dev.playfield.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.matchmaking.TicketQueue.AddResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TicketQueueTest {

  /** Full matches of 8; after 30 s a match may start with 4; gap 100, +10/s, at most 400. */
  private static final QueueRules EIGHT_PLAYERS =
      new QueueRules(8, 4, Duration.ofSeconds(30), 100, 10, 400);

  /** Pairs with a fixed gap of 100 and no partial matches: isolates who pairs with whom. */
  private static final QueueRules PAIRS_FIXED_GAP =
      new QueueRules(2, 2, Duration.ofHours(1), 100, 0, 100);

  private final MutableClock clock = MutableClock.atEpoch();

  @Test
  void eightCompatiblePlayersFormOneFullMatchOldestFirst() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    for (int i = 0; i < 8; i++) {
      queue.add("p" + i, 1070 - 10 * i, null);
    }

    List<List<Ticket>> matches = queue.process();

    assertThat(matches).hasSize(1);
    assertThat(playerIds(matches.get(0)))
        .containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
    assertThat(queue.size()).isZero();
    assertThat(queue.contains("p0")).isFalse();
  }

  @Test
  void fewerThanMatchSizeWaitUntilTheFillTimeout() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 7, 1000);

    clock.advanceSeconds(29);

    assertThat(queue.process()).isEmpty();
    assertThat(queue.size()).isEqualTo(7);
  }

  @Test
  void afterTheFillTimeoutAPartialMatchStartsWithAtLeastMinPlayers() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 4, 1000);

    clock.advanceSeconds(30);
    List<List<Ticket>> matches = queue.process();

    assertThat(matches).hasSize(1);
    assertThat(matches.get(0)).hasSize(4);
    assertThat(queue.size()).isZero();
  }

  @Test
  void belowMinPlayersNoMatchFormsHoweverLongTheyWait() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 3, 1000);

    clock.advance(Duration.ofHours(2));

    assertThat(queue.process()).isEmpty();
    assertThat(queue.size()).isEqualTo(3);
  }

  @Test
  void aPartialMatchNeverExceedsMatchSize() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 10, 1000);
    clock.advanceSeconds(60);

    List<List<Ticket>> matches = queue.process();

    // 8 form a full match; the 2 left over are below minPlayers and keep waiting.
    assertThat(matches).extracting(List::size).containsExactly(8);
    assertThat(queue.size()).isEqualTo(2);
  }

  @Test
  void aFarOffPlayerIsExcludedAtFirstAndIncludedOnceTheGapWidens() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 7, 1000);
    queue.add("far", 1250, null);

    assertThat(queue.process()).isEmpty();
    clock.advanceSeconds(14); // gap 240 < 250
    assertThat(queue.process()).isEmpty();
    clock.advanceSeconds(1); // gap 250
    List<List<Ticket>> matches = queue.process();

    assertThat(matches).hasSize(1);
    assertThat(playerIds(matches.get(0))).hasSize(8).contains("far");
  }

  @Test
  void theGapStopsWideningAtMaxRatingGap() {
    QueueRules fullOnly = new QueueRules(8, 8, Duration.ofHours(1), 100, 10, 400);
    TicketQueue queue = queue(fullOnly);
    addPlayers(queue, 7, 1000);
    queue.add("far", 1401, null);

    clock.advance(Duration.ofMinutes(10)); // uncapped, the gap would be 6100

    assertThat(queue.process()).isEmpty();
    assertThat(queue.size()).isEqualTo(8);
  }

  @Test
  void aNewcomerWithANarrowWindowIsNotPulledIntoAWideOne() {
    TicketQueue queue = queue(new QueueRules(2, 2, Duration.ofHours(1), 100, 10, 400));
    queue.add("veteran", 1000, null);
    clock.advanceSeconds(30); // the veteran accepts 400
    queue.add("newcomer", 1200, null); // the newcomer accepts 100

    assertThat(queue.process()).isEmpty();
    clock.advanceSeconds(10); // the newcomer now accepts 200
    assertThat(queue.process()).hasSize(1);
  }

  @Test
  void everyPairInAMatchIsCompatibleNotJustEachWithTheOldest() {
    TicketQueue queue = queue(new QueueRules(3, 3, Duration.ofHours(1), 100, 0, 100));
    queue.add("middle", 1000, null);
    queue.add("high", 1090, null);
    queue.add("low", 910, null); // 180 from "high"

    assertThat(queue.process()).isEmpty();
  }

  @Test
  void leavingRemovesTheTicket() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 8, 1000);

    assertThat(queue.remove("p3")).isTrue();
    assertThat(queue.remove("p3")).isFalse();
    assertThat(queue.remove("never-joined")).isFalse();

    assertThat(queue.contains("p3")).isFalse();
    assertThat(queue.size()).isEqualTo(7);
    assertThat(queue.process()).isEmpty();
  }

  @Test
  void aPlayerCannotQueueTwice() {
    TicketQueue queue = queue(EIGHT_PLAYERS);

    assertThat(queue.add("p1", 1000, null)).isEqualTo(AddResult.ADDED);
    assertThat(queue.add("p1", 1500, null)).isEqualTo(AddResult.ALREADY_QUEUED);
    assertThat(queue.size()).isEqualTo(1);
  }

  @Test
  void aFullQueueRefusesUntilSomeoneLeaves() {
    TicketQueue queue = new TicketQueue("duel", EIGHT_PLAYERS, clock, 3);
    addPlayers(queue, 3, 1000);

    assertThat(queue.add("late", 1000, null)).isEqualTo(AddResult.QUEUE_FULL);
    assertThat(queue.contains("late")).isFalse();
    queue.remove("p0");
    assertThat(queue.add("late", 1000, null)).isEqualTo(AddResult.ADDED);
  }

  @Test
  void oneProcessFormsEveryMatchItCan() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    // Three rating bands, arriving interleaved.
    for (int i = 0; i < 8; i++) {
      queue.add("low" + i, 1000 + i, null);
      queue.add("mid" + i, 2000 + i, null);
      queue.add("top" + i, 3000 + i, null);
    }

    List<List<Ticket>> matches = queue.process();

    assertThat(matches).hasSize(3);
    assertThat(playerIds(matches.get(0))).allMatch(id -> id.startsWith("low"));
    assertThat(playerIds(matches.get(1))).allMatch(id -> id.startsWith("mid"));
    assertThat(playerIds(matches.get(2))).allMatch(id -> id.startsWith("top"));
    assertThat(queue.size()).isZero();
  }

  @Test
  void theOldestTicketsAreServedFirst() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 9, 1000);

    List<List<Ticket>> matches = queue.process();

    assertThat(playerIds(matches.get(0))).doesNotContain("p8");
    assertThat(queue.contains("p8")).isTrue();
  }

  @Test
  void theClosestRatingIsPreferredOverAnOlderTicket() {
    TicketQueue queue = queue(PAIRS_FIXED_GAP);
    queue.add("anchor", 1000, null);
    queue.add("older-but-farther", 1050, null);
    queue.add("newer-but-closer", 1010, null);

    List<List<Ticket>> matches = queue.process();

    assertThat(playerIds(matches.get(0))).containsExactly("anchor", "newer-but-closer");
    assertThat(queue.contains("older-but-farther")).isTrue();
  }

  @Test
  void atEqualDistanceTheOlderTicketIsPreferred() {
    TicketQueue queue = queue(PAIRS_FIXED_GAP);
    queue.add("anchor", 1000, null);
    queue.add("older-above", 1020, null);
    queue.add("newer-below", 980, null);

    List<List<Ticket>> matches = queue.process();

    assertThat(playerIds(matches.get(0))).containsExactly("anchor", "older-above");
  }

  @Test
  void ticketsCarryTheirEnqueueTimeAndPayloadUntouched() {
    TicketQueue queue = queue(PAIRS_FIXED_GAP);
    Object session = new Object();
    queue.add("a", 1000, session);
    clock.advanceSeconds(3);
    queue.add("b", 1000, null);

    Ticket first = queue.process().get(0).get(0);

    assertThat(first.playerId()).isEqualTo("a");
    assertThat(first.payload()).isSameAs(session);
    assertThat(first.enqueuedAt()).isEqualTo(clock.instant().minusSeconds(3));
  }

  @Test
  void theSameCallsAndClockGiveTheSameMatches() {
    assertThat(playRandomSession()).isEqualTo(playRandomSession());
  }

  private List<List<String>> playRandomSession() {
    MutableClock ownClock = MutableClock.atEpoch();
    TicketQueue queue = new TicketQueue("arena", EIGHT_PLAYERS, ownClock);
    Random random = new Random(42);
    List<List<String>> formed = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      queue.add("p" + i, 1000 + random.nextInt(600), null);
      ownClock.advance(Duration.ofMillis(random.nextInt(2000)));
      queue.process().forEach(match -> formed.add(playerIds(match)));
    }
    return formed;
  }

  @Test
  void aCappedPassFormsTheOldestMatchesAndLeavesTheRestForTheNext() {
    TicketQueue queue = queue(EIGHT_PLAYERS);
    addPlayers(queue, 40, 1000);

    List<List<Ticket>> first = queue.process(2);

    assertThat(first).hasSize(2);
    assertThat(playerIds(first.get(0))).containsExactly("p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7");
    assertThat(playerIds(first.get(1))).startsWith("p8");
    assertThat(queue.size()).isEqualTo(24);
    assertThat(queue.process(2)).hasSize(2);
    assertThat(queue.process()).hasSize(1);
    assertThat(queue.size()).isZero();
  }

  private TicketQueue queue(QueueRules rules) {
    return new TicketQueue("arena", rules, clock);
  }

  private static void addPlayers(TicketQueue queue, int count, int rating) {
    for (int i = 0; i < count; i++) {
      assertThat(queue.add("p" + i, rating, null)).isEqualTo(AddResult.ADDED);
    }
  }

  private static List<String> playerIds(List<Ticket> match) {
    return match.stream().map(Ticket::playerId).toList();
  }
}
