package dev.playfield.events;

import dev.playfield.cluster.Leadership;
import dev.playfield.config.EventsConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.util.List;

/** The publisher as the node deploys it, with settings quick enough for tests. */
final class TestPublisher {

  static final String SECRET = "test-webhook-secret-0123456789";

  private TestPublisher() {}

  /**
   * Polls every 20 ms, batches of 10, retries after 20 ms doubling up to 200 ms, webhook calls time
   * out after 2 s, and a webhook's breaker opens after 3 failures for 500 ms.
   */
  static EventsConfig config(String rabbitmqUrl, String exchange, List<String> webhookUrls) {
    return new EventsConfig(rabbitmqUrl, exchange, "", webhookUrls, SECRET, 2_000, 20, 10, 20, 200, 3, 500);
  }

  /** Deploys a publisher and returns its deployment id. */
  static String deploy(Vertx vertx, EventsConfig config, Outbox outbox, Leadership leadership, MeterRegistry registry) {
    EventPublisherVerticle verticle = EventPublishing.verticle(config, outbox, leadership, new EventMetrics(registry),
        EventPublishing.sinks(vertx, config));
    return vertx.deployVerticle(verticle).await();
  }
}
