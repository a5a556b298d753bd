package dev.playfield.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.playfield.config.EventsConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The publisher calling a real HTTP receiver that fails for a while. */
class WebhookPublishingTest {

  private static final Duration WAIT = Duration.ofSeconds(20);

  private Vertx vertx;
  private WebhookReceiver receiver;
  private final InMemoryOutbox outbox = new InMemoryOutbox();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void startReceiver() {
    vertx = Vertx.vertx();
    receiver = WebhookReceiver.start(vertx, TestPublisher.SECRET);
  }

  @AfterEach
  void stop() {
    receiver.close();
    vertx.close().await();
  }

  @Test
  void everyEventArrivesSignedAndInOrderAfterTheReceiverFailedForAWhile() {
    receiver.failing.set(true);
    TestPublisher.deploy(vertx, TestPublisher.config("", "unused", List.of(receiver.url())), outbox,
        new SwitchedLeadership(true), registry);
    for (int i = 0; i < 30; i++) {
      outbox.append(i % 2 == 0 ? "match.started" : "match.ended", "room-" + (i / 2));
    }
    Waiting.until(WAIT, () -> failures() >= 5, () -> failures() + " failed calls");
    assertThat(receiver.accepted()).isEmpty();
    assertThat(outbox.depth().await()).as("kept in the outbox").isEqualTo(30);

    receiver.failing.set(false);
    Waiting.until(WAIT, () -> firstArrivals().size() == 30, () -> firstArrivals().size() + " of 30 distinct events");
    Waiting.until(WAIT, () -> outbox.depth().await() == 0, () -> "the outbox still holds " + outbox.depth().await());

    List<OutboxEvent> written = outbox.written();
    assertThat(firstArrivals().keySet()).as("in the order written once repeats are dropped")
        .containsExactlyElementsOf(written.stream().map(OutboxEvent::id).toList());
    assertThat(receiver.accepted()).allSatisfy(call -> assertThat(call.signatureValid()).as("signature").isTrue());
    for (OutboxEvent event : written) {
      WebhookReceiver.Call call = firstArrivals().get(event.id());
      assertThat(call.body()).isEqualTo(event.payloadJson());
      assertThat(call.eventType()).isEqualTo(event.type());
    }
  }

  @Test
  void aReceiverSignedForWithAnotherSecretSeesEveryEventAsForged() {
    try (WebhookReceiver other = WebhookReceiver.start(vertx, "not-the-secret-the-node-has")) {
      TestPublisher.deploy(vertx, TestPublisher.config("", "unused", List.of(other.url())), outbox,
          new SwitchedLeadership(true), registry);
      outbox.matchEnded();
      outbox.matchEnded();
      Waiting.until(WAIT, () -> other.accepted().size() >= 2, () -> other.accepted().size() + " calls");
      assertThat(other.accepted()).noneMatch(WebhookReceiver.Call::signatureValid);
    }
  }

  @Test
  void theBreakerKeepsRetriesAwayFromAReceiverThatKeepsFailing() {
    receiver.failing.set(true);
    // Retries every 5-10 ms: without the breaker (3 failures, then 500 ms of rest) the receiver would get ~200 calls.
    EventsConfig config = new EventsConfig("", "unused", "", List.of(receiver.url()), TestPublisher.SECRET, 2_000, 20, 10,
        5, 10, 3, 500);
    TestPublisher.deploy(vertx, config, outbox, new SwitchedLeadership(true), registry);
    outbox.matchEnded();
    Waiting.sleep(Duration.ofMillis(1_500));

    assertThat(failures()).as("attempts").isGreaterThan(30);
    assertThat(receiver.calls()).as("calls that reached the receiver: 3, then one per half-open breaker")
        .isBetween(3, 10);

    receiver.failing.set(false);
    Waiting.until(WAIT, () -> receiver.accepted().size() == 1, () -> receiver.accepted().size() + " accepted");
  }

  @Test
  void nothingIsDeliveredWhileTheNodeDoesNotLead() {
    SwitchedLeadership leadership = new SwitchedLeadership(false);
    TestPublisher.deploy(vertx, TestPublisher.config("", "unused", List.of(receiver.url())), outbox, leadership, registry);
    outbox.matchEnded();
    Waiting.sleep(Duration.ofMillis(500));
    assertThat(receiver.calls()).isZero();

    leadership.leading.set(true);
    Waiting.until(WAIT, () -> receiver.accepted().size() == 1, () -> receiver.accepted().size() + " accepted");
    assertThat(receiver.accepted().get(0).eventId()).isEqualTo(outbox.written().get(0).id());
  }

  private double failures() {
    return registry.counter("playfield_event_delivery_failures", "sink", "webhook-1").count();
  }

  /** Each event id with the first call that delivered it: what a receiver that drops repeats keeps. */
  private Map<String, WebhookReceiver.Call> firstArrivals() {
    Map<String, WebhookReceiver.Call> first = new LinkedHashMap<>();
    receiver.accepted().forEach(call -> first.putIfAbsent(call.eventId(), call));
    return first;
  }
}
