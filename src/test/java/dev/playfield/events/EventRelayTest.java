package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.support.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** One pass at a time, by hand, with a clock the test moves: what each sink gets and what is marked published. */
class EventRelayTest {

  private static final Backoff BACKOFF = new Backoff(100, 1_000);

  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final MutableClock clock = MutableClock.atEpoch();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  private EventRelay relay(int batchSize, EventSink... sinks) {
    return new EventRelay(outbox, List.of(sinks), batchSize, BACKOFF, clock, new SplittableRandom(7),
        new EventMetrics(registry));
  }

  @Test
  void aFailedEventHoldsBackTheOnesAfterItForItsSinkOnlyAndNothingIsPublishedUntilEverySinkHasIt() {
    ScriptedSink broker = new ScriptedSink("broker");
    ScriptedSink webhook = new ScriptedSink("webhook");
    EventRelay relay = relay(10, broker, webhook);
    for (int i = 0; i < 5; i++) {
      outbox.matchEnded();
    }
    List<OutboxEvent> written = outbox.written();
    webhook.refuseOnce(written.get(2));

    EventRelay.Pass first = relay.pass().await();
    assertThat(broker.received()).containsExactlyElementsOf(written);
    assertThat(webhook.received()).containsExactlyElementsOf(written.subList(0, 2));
    assertThat(first.published()).as("only what both sinks have").isEqualTo(2);
    assertThat(outbox.depth().await()).isEqualTo(3);

    relay.pass().await();
    assertThat(webhook.calls).as("backing off: not called again before its wait is over").isEqualTo(1);

    clock.advance(Duration.ofMillis(BACKOFF.cap(1)));
    EventRelay.Pass third = relay.pass().await();
    assertThat(webhook.received()).as("in order, each once").containsExactlyElementsOf(written);
    assertThat(broker.received()).as("the broker is not given again what it has").containsExactlyElementsOf(written);
    assertThat(third.published()).isEqualTo(3);
    assertThat(outbox.depth().await()).isZero();
    assertThat(registry.counter("playfield_event_delivery_failures", "sink", "webhook").count()).isEqualTo(1);
    assertThat(registry.counter("playfield_events_delivered", "sink", "webhook").count()).isEqualTo(5);
  }

  /** Regression: a high-water mark of the last seq delivered would skip a row whose transaction committed late. */
  @Test
  void anEventCommittedAfterALaterOneIsStillDelivered() {
    ScriptedSink sink = new ScriptedSink("broker");
    EventRelay relay = relay(10, sink);
    OutboxEvent late = outbox.appendUncommitted("match.ended", "room-late");
    OutboxEvent early = outbox.append("match.ended", "room-early");

    relay.pass().await();
    assertThat(sink.received()).containsExactly(early);

    outbox.commit(late);
    relay.pass().await();
    assertThat(sink.received()).containsExactly(early, late);
    assertThat(outbox.depth().await()).isZero();
  }

  /** Regression: a node on the embedded database delivered an event again because the read after its mark still returned it. */
  @Test
  void anEventReadAgainRightAfterItsMarkIsMarkedAgainNotDeliveredAgain() {
    ScriptedSink sink = new ScriptedSink("broker");
    EventRelay relay = relay(10, sink);
    outbox.readStaleOnceAfterEachMark();
    for (int round = 0; round < 3; round++) {
      outbox.matchEnded();
      relay.pass().await();
      EventRelay.Pass stale = relay.pass().await();
      assertThat(stale.published()).as("nothing new published by marking again").isZero();
    }
    assertThat(sink.received()).as("each once").containsExactlyElementsOf(outbox.written());
    assertThat(outbox.depth().await()).isZero();
  }

  @Test
  void aFullBatchAsksForTheNextPassAtOnceAndAShortOneDoesNot() {
    EventRelay relay = relay(3, new ScriptedSink("broker"));
    for (int i = 0; i < 4; i++) {
      outbox.matchEnded();
    }
    assertThat(relay.pass().await().full(3)).isTrue();
    assertThat(relay.pass().await().full(3)).isFalse();
    assertThat(outbox.depth().await()).isZero();
  }
}
