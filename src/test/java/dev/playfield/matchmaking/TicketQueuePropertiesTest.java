package dev.playfield.matchmaking;

import dev.playfield.support.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.matchmaking.TicketQueue.AddResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Invariants of {@link TicketQueue#process()} over random rules and random traffic. */
class TicketQueuePropertiesTest {

  /** One step of traffic: a join, someone leaving, time passing, or a matchmaking round. */
  sealed interface Step permits Join, Leave, Wait, Process {}

  record Join(int rating) implements Step {}

  record Leave(int whichWaiting) implements Step {}

  record Wait(int millis) implements Step {}

  record Process() implements Step {}

  @Property(tries = 300)
  void matchesRespectTheRules(
      @ForAll("rules") QueueRules rules, @ForAll("traffic") List<Step> traffic) {
    MutableClock clock = MutableClock.atEpoch();
    TicketQueue queue = new TicketQueue("mode", rules, clock);
    List<String> waiting = new ArrayList<>();
    Set<String> everMatched = new HashSet<>();
    int nextPlayer = 0;

    for (Step step : traffic) {
      // Java 17: an instanceof chain, since pattern matching for switch came later.
      if (step instanceof Join join) {
        String playerId = "p" + nextPlayer++;
        assertThat(queue.add(playerId, join.rating(), null)).isEqualTo(AddResult.ADDED);
        waiting.add(playerId);
      } else if (step instanceof Leave leave && !waiting.isEmpty()) {
        String leaver = waiting.remove(leave.whichWaiting() % waiting.size());
        assertThat(queue.remove(leaver)).isTrue();
      } else if (step instanceof Wait wait) {
        clock.advance(Duration.ofMillis(wait.millis()));
      } else if (step instanceof Process) {
        for (List<Ticket> match : queue.process()) {
          assertMatchRespectsRules(match, rules, clock.instant());
          for (Ticket ticket : match) {
            assertThat(everMatched.add(ticket.playerId()))
                .as("%s is in only one match", ticket.playerId())
                .isTrue();
            assertThat(waiting.remove(ticket.playerId())).isTrue();
            assertThat(queue.contains(ticket.playerId())).isFalse();
          }
        }
        assertThat(queue.process())
            .as("a second round at the same instant finds nothing")
            .isEmpty();
      }
      assertThat(queue.size()).isEqualTo(waiting.size());
    }
  }

  private static void assertMatchRespectsRules(List<Ticket> match, QueueRules rules, Instant now) {
    assertThat(match.size()).isBetween(rules.minPlayers(), rules.matchSize());
    if (match.size() < rules.matchSize()) {
      assertThat(match)
          .as("a partial match needs someone who waited out the fill timeout")
          .anyMatch(t -> waited(t, now).compareTo(rules.fillTimeout()) >= 0);
    }
    for (Ticket a : match) {
      for (Ticket b : match) {
        int window =
            Math.min(rules.ratingGapAfter(waited(a, now)), rules.ratingGapAfter(waited(b, now)));
        assertThat(Math.abs(a.rating() - b.rating()))
            .as("%s and %s are within each other's window", a, b)
            .isLessThanOrEqualTo(window);
      }
    }
  }

  private static Duration waited(Ticket ticket, Instant now) {
    return Duration.between(ticket.enqueuedAt(), now);
  }

  @Provide
  Arbitrary<QueueRules> rules() {
    Arbitrary<Integer> matchSize = Arbitraries.integers().between(1, 8);
    return matchSize.flatMap(
        size ->
            Combinators.combine(
                    Arbitraries.integers().between(1, size),
                    Arbitraries.integers().between(0, 20),
                    Arbitraries.integers().between(0, 150),
                    Arbitraries.integers().between(0, 30),
                    Arbitraries.integers().between(0, 400))
                .as(
                    (minPlayers, timeoutSeconds, base, widen, extra) ->
                        new QueueRules(
                            size,
                            minPlayers,
                            Duration.ofSeconds(timeoutSeconds),
                            base,
                            widen,
                            base + extra)));
  }

  @Provide
  Arbitrary<List<Step>> traffic() {
    Arbitrary<Step> join = Arbitraries.integers().between(1000, 1600).map(Join::new);
    Arbitrary<Step> leave = Arbitraries.integers().between(0, 1000).map(Leave::new);
    Arbitrary<Step> wait = Arbitraries.integers().between(0, 5000).map(Wait::new);
    Arbitrary<Step> process = Arbitraries.just(new Process());
    return Arbitraries.frequencyOf(
            Tuple.of(6, join),
            Tuple.of(1, leave),
            Tuple.of(3, wait),
            Tuple.of(2, process))
        .list()
        .ofMaxSize(200);
  }
}
