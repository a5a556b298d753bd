package dev.playfield.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The publisher's series: events delivered and delivery failures by sink, and the outbox depth
 * (events not yet delivered everywhere). Thread-safe.
 */
final class EventMetrics {

  private final MeterRegistry registry;
  private final AtomicLong outboxDepth = new AtomicLong();
  private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();

  EventMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder("playfield_outbox_depth", outboxDepth, AtomicLong::get)
        .description("Events in the outbox not yet delivered to every sink")
        .register(registry);
  }

  void delivered(String sink, int events) {
    delivered.computeIfAbsent(sink, name -> Counter.builder("playfield_events_delivered")
            .description("Events a sink accepted (the broker confirmed, the webhook answered 2xx)")
            .tag("sink", name).register(registry))
        .increment(events);
  }

  /** One failed attempt: a call the sink refused, timed out or could not be reached for. */
  void failure(String sink) {
    failures.computeIfAbsent(sink, name -> Counter.builder("playfield_event_delivery_failures")
            .description("Attempts to deliver events that failed, by sink (each is retried)")
            .tag("sink", name).register(registry))
        .increment();
  }

  void outboxDepth(long events) {
    outboxDepth.set(events);
  }
}
